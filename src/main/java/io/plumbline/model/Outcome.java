package io.plumbline.model;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one record a reconcile leaves: it feeds the log line, the commit status, the metrics and history.
 *
 * @param environment the environment's name (the file name when the file did not load)
 * @param trigger     what started it: poll, webhook, drift, api, cli
 * @param results     per provider, what happened to each object
 * @param health      what was observed after the apply; {@link Health.Status#UNKNOWN} when the reconcile stopped
 *                    before it could look (a target that could not be read), and null when nothing was applied
 *                    (an invalid or refused commit, a plan-only reconcile): never claimed for what was not seen
 * @param problems    input problems, for {@link Result#INVALID}
 * @param error       what went wrong, for FAILURE and REFUSED; never a secret
 */
public record Outcome(String environment, String file, Revision revision, String trigger, Instant started,
                      Instant finished, Result result, Map<String, List<ObjectResult>> results, Health health,
                      List<Problem> problems, String error) {

    public enum Result {
        SUCCESS, FAILURE, INVALID, REFUSED;

        public String label() {
            return name().toLowerCase();
        }
    }

    public Outcome {
        results = results == null ? Map.of() : Map.copyOf(results);
        problems = problems == null ? List.of() : List.copyOf(problems);
        error = error == null ? "" : error;
    }

    /** The health as history and the API show it ({@code healthy}, {@code unknown}...); empty when nothing was applied. */
    public Optional<String> healthLabel() {
        return Optional.ofNullable(health).map(h -> h.status().name().toLowerCase());
    }

    public Duration duration() {
        return Duration.between(started, finished);
    }

    /** Counts of each result across providers, e.g. {@code CONFIGURED=3, UNCHANGED=41}. */
    public Map<ObjectResult.Result, Long> counts() {
        return count(results.values().stream().flatMap(List::stream).toList());
    }

    /** Counts of each result per provider, in the order the providers ran. */
    public Map<String, Map<ObjectResult.Result, Long>> countsByProvider() {
        Map<String, Map<ObjectResult.Result, Long>> out = new LinkedHashMap<>();
        results.forEach((provider, list) -> out.put(provider, count(list)));
        return out;
    }

    private static Map<ObjectResult.Result, Long> count(List<ObjectResult> list) {
        return list.stream().collect(Collectors.groupingBy(ObjectResult::result,
                () -> new EnumMap<>(ObjectResult.Result.class), Collectors.counting()));
    }

    /** A one-line description fit for a commit status. */
    public String summary() {
        return switch (result) {
            case INVALID -> problems.isEmpty() ? "invalid input" : problems.get(0).toString()
                    + (problems.size() > 1 ? " (+" + (problems.size() - 1) + " more)" : "");
            case FAILURE, REFUSED -> error;
            case SUCCESS -> {
                Map<ObjectResult.Result, Long> c = counts();
                long changed = c.getOrDefault(ObjectResult.Result.CREATED, 0L)
                        + c.getOrDefault(ObjectResult.Result.CONFIGURED, 0L)
                        + c.getOrDefault(ObjectResult.Result.DELETED, 0L);
                long skipped = c.getOrDefault(ObjectResult.Result.SKIPPED, 0L);
                yield "applied " + changed + " changes, " + c.getOrDefault(ObjectResult.Result.UNCHANGED, 0L)
                        + " unchanged" + (skipped > 0 ? ", " + skipped + " skipped" : "");
            }
        };
    }
}
