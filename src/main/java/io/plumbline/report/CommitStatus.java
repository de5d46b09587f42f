package io.plumbline.report;

import java.util.Objects;

/**
 * What is posted on a commit: one state per commit and context, the latest wins on every host.
 *
 * @param commit      the full commit sha the status belongs to
 * @param context     {@code plumbline/<environment>}, {@code .../drift} or {@code .../plan}
 * @param description one line of at most {@value #MAX_DESCRIPTION} characters (longer text is cut, whitespace folded)
 * @param targetUrl   where a reader finds details; may be null
 */
public record CommitStatus(String commit, String context, State state, String description, String targetUrl) {
    public static final int MAX_DESCRIPTION = 140;

    /** The states common to all hosts; each reporter maps them onto its own vocabulary. */
    public enum State {
        PENDING, SUCCESS, FAILURE, ERROR;

        public String label() {
            return name().toLowerCase();
        }
    }

    public CommitStatus {
        if (commit == null || !commit.matches("[0-9a-fA-F]{7,64}")) {
            throw new IllegalArgumentException("commit must be a hex sha, got: " + commit);
        }
        if (context == null || context.isBlank() || context.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("context must be one word such as plumbline/staging, got: " + context);
        }
        Objects.requireNonNull(state, "state");
        description = oneLine(description);
        targetUrl = targetUrl == null || targetUrl.isBlank() ? null : targetUrl.strip();
    }

    private static String oneLine(String text) {
        String folded = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return folded.length() <= MAX_DESCRIPTION ? folded : folded.substring(0, MAX_DESCRIPTION - 1) + "…";
    }

    /** The same status on another commit (a pull request's head, or the commit a drift check ran at). */
    public CommitStatus withCommit(String otherCommit) {
        return new CommitStatus(otherCommit, context, state, description, targetUrl);
    }

    /** The part that decides whether a host already shows this status (the link is not compared). */
    String fingerprint() {
        return state + " " + description;
    }

    /** Commit and context: one host-side slot. */
    String slot() {
        return commit + " " + context;
    }
}
