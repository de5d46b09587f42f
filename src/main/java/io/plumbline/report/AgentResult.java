package io.plumbline.report;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a proxy agent reports to the service for one environment: its latest reconcile there, as plain values sent
 * in JSON. The service checks every field ({@link #problem}) before it keeps one, since the page and the API show
 * them.
 *
 * @param result   success, failure, invalid or refused
 * @param health   healthy, progressing, degraded, failed or unknown; null when the reconcile applied nothing
 * @param summary  one line, at most {@value #MAX_SUMMARY} characters
 * @param finished when the reconcile ended (ISO-8601)
 */
public record AgentResult(String environment, String commit, String result, String health, String summary,
                          String finished) {
    public static final int MAX_SUMMARY = 500;
    /** The schema's environment names ({@code k8sName}). */
    private static final Pattern ENVIRONMENT = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final Set<String> RESULTS = Set.of("success", "failure", "invalid", "refused");
    private static final Set<String> HEALTH = Set.of("healthy", "progressing", "degraded", "failed", "unknown");

    /** What is wrong with this result, or empty when it may be kept. */
    public Optional<String> problem() {
        if (environment == null || !ENVIRONMENT.matcher(environment).matches()) {
            return Optional.of("environment must be an environment name");
        }
        if (commit == null || !COMMIT.matcher(commit).matches()) {
            return Optional.of(environment + ": commit must be a full lower-case sha");
        }
        if (!RESULTS.contains(result)) {
            return Optional.of(environment + ": result must be one of " + RESULTS);
        }
        if (health != null && !HEALTH.contains(health)) {
            return Optional.of(environment + ": health must be one of " + HEALTH);
        }
        if (summary == null || summary.length() > MAX_SUMMARY) {
            return Optional.of(environment + ": summary must be at most " + MAX_SUMMARY + " characters");
        }
        try {
            Instant.parse(finished == null ? "" : finished);
        } catch (DateTimeParseException e) {
            return Optional.of(environment + ": finished must be an ISO-8601 instant");
        }
        return Optional.empty();
    }

    /** A summary folded to one line and cut to what the service keeps. */
    public static String shortened(String summary) {
        String line = summary == null ? "" : summary.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_SUMMARY ? line : line.substring(0, MAX_SUMMARY - 1) + "…";
    }
}
