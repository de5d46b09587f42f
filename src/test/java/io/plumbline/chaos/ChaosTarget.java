package io.plumbline.chaos;

import java.util.List;
import java.util.Map;

/**
 * One provider's part of the crash campaign: its real peers, the commits whose applies are killed, and what is
 * read back from the peers after each restart. Everything is read by hand from the peer, never from the service.
 */
interface ChaosTarget extends AutoCloseable {
    /** A commit of the campaign: the files it writes (path → text; null deletes the file) and its message. */
    record Step(String name, Map<String, String> files, String message, boolean decommission) {
    }

    String name();

    /** The environments the commits hold (each gets a final status per commit). */
    List<String> environments();

    /** Starts the peers and plants the foreign objects; called once, before the first commit. */
    void start() throws Exception;

    /** The {@code plumbline:} settings that point the service at the peers, indented by two spaces. */
    String serviceSettings();

    /** The options that point {@code plumbline plan} at the peers. */
    List<String> planOptions();

    /** The n-th commit (0 is the first): the steps cycle after the first. */
    Step step(int n);

    /** How long after the apply's pending status a kill may fall, at most, in milliseconds. */
    int killWindowMillis();

    /** Objects that exist more than once, or without the marks they were made with (one line each). */
    List<String> duplicates();

    /** What is left with the marks of an environment after a decommission commit (one line each). */
    List<String> leftAfterDecommission();

    /** Foreign (unmarked) objects planted at the start that are now changed or gone (one line each). */
    List<String> foreignTouched();

    /** Requests that failed although their backends were healthy, since the first commit converged. */
    default long failedRequests() {
        return 0;
    }

    /** What the traffic saw, for the printed figures; empty for a target without traffic. */
    default String traffic() {
        return "";
    }

    /** Called once the first commit has converged (e.g. to start traffic). */
    default void firstConverged() throws Exception {
    }

    @Override
    void close() throws Exception;
}
