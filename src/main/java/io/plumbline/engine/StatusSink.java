package io.plumbline.engine;

/**
 * Where commit statuses go (a Git host's status API, or git notes). Must return at once: posting happens in
 * the background and never holds up a reconcile.
 */
public interface StatusSink {
    /**
     * @param context     {@code plumbline/<env>}, {@code plumbline/<env>/drift} or {@code plumbline/<env>/plan}
     * @param state       pending, success, failure or error
     * @param description one line; the sink shortens it to what the host accepts
     * @param targetUrl   where the full record is served, or empty
     */
    void post(String commit, String context, String state, String description, String targetUrl);

    /** {@code plumbline/<env>} followed by {@code suffix} ({@code ""}, {@code /drift}, {@code /plan}). */
    static String context(String environment, String suffix) {
        return "plumbline/" + environment + suffix;
    }
}
