package io.plumbline.engine.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.engine.schedule.Trigger;
import io.plumbline.metrics.Metrics;
import io.plumbline.model.Outcome;
import io.plumbline.model.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last reconciles of each environment, newest first, and kept in {@code <folder>/<env>.json} so a restart
 * loses nothing. Reconciles of commits (poll, webhook, retry) and requests (API, drift) are bounded apart, so no
 * number of requests can push a commit's record out. Files are replaced durably (written, forced to disk,
 * renamed): a crash leaves the old history or the new, never half a file; a history that cannot be saved is an
 * error and counted.
 */
public final class History implements OutcomeListener, ResumePoint {
    private static final Logger LOG = LoggerFactory.getLogger(History.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<HistoryEntry>> ENTRIES = new TypeReference<>() {
    };

    private final Path folder;
    private final int limit;
    private final Metrics metrics;
    /** Per environment: commit reconciles, newest first. */
    private final Map<String, Deque<HistoryEntry>> commits = new TreeMap<>();
    /** Per environment: API and drift reconciles, newest first. */
    private final Map<String, Deque<HistoryEntry>> requests = new TreeMap<>();

    public History(Path folder, int limit) {
        this(folder, limit, new Metrics() {
        });
    }

    /** @param metrics counts histories that could not be saved */
    public History(Path folder, int limit, Metrics metrics) {
        this.folder = folder;
        this.limit = limit;
        this.metrics = metrics;
        load();
    }

    @Override
    public synchronized void finished(Outcome outcome) {
        HistoryEntry entry = HistoryEntry.of(outcome);
        Deque<HistoryEntry> list = (Trigger.isRequest(entry.trigger()) ? requests : commits)
                .computeIfAbsent(outcome.environment(), e -> new ArrayDeque<>());
        list.addFirst(entry);
        while (list.size() > limit) {
            list.removeLast();
        }
        save(outcome.environment(), of(outcome.environment()));
    }

    /** Commit and request reconciles together, newest first. */
    public synchronized List<HistoryEntry> of(String environment) {
        List<HistoryEntry> all = new ArrayList<>(commits.getOrDefault(environment, new ArrayDeque<>()));
        all.addAll(requests.getOrDefault(environment, new ArrayDeque<>()));
        all.sort(Comparator.comparing((HistoryEntry e) -> Instant.parse(e.finished())).reversed());
        return List.copyOf(all);
    }

    public synchronized Optional<HistoryEntry> latest(String environment) {
        return of(environment).stream().findFirst();
    }

    @Override
    public synchronized Optional<String> lastCommit(String environment) {
        return commitEntries(environment).findFirst().filter(e -> !e.result().equals("failure"))
                .map(HistoryEntry::commit);
    }

    /** The newest commit something was planned and applied at (a refused rewind plans nothing). */
    @Override
    public synchronized Optional<String> lastAppliedCommit(String environment) {
        return commitEntries(environment).filter(e -> !e.counts().isEmpty()).findFirst().map(HistoryEntry::commit);
    }

    @Override
    public synchronized Optional<String> lastSucceededCommit(String environment) {
        return commitEntries(environment).filter(e -> e.result().equals(Outcome.Result.SUCCESS.label())).findFirst()
                .map(HistoryEntry::commit);
    }

    public synchronized List<String> environments() {
        Set<String> names = new TreeSet<>(commits.keySet());
        names.addAll(requests.keySet());
        return new ArrayList<>(names);
    }

    private Stream<HistoryEntry> commitEntries(String environment) {
        return commits.getOrDefault(environment, new ArrayDeque<>()).stream();
    }

    private void load() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String env = file.getFileName().toString().replaceFirst("\\.json$", "");
                try {
                    for (HistoryEntry read : JSON.readValue(file.toFile(), ENTRIES)) {
                        HistoryEntry e = read.asRecorded();
                        (Trigger.isRequest(e.trigger()) ? requests : commits)
                                .computeIfAbsent(env, n -> new ArrayDeque<>()).addLast(e);
                    }
                } catch (IOException e) {
                    LOG.warn("history of {} is unreadable and starts afresh: {}", env, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("history folder {} is unreadable: {}", folder, e.getMessage());
        }
    }

    private void save(String environment, List<HistoryEntry> list) {
        try {
            PrivateFiles.write(folder.resolve(environment + ".json"), JSON.writeValueAsBytes(list));
        } catch (IOException e) {
            metrics.stateWriteFailed("history");
            LOG.error("history of {} could not be saved; a restart would lose its newest entries: {}", environment,
                    e.getMessage());
        }
    }
}
