package io.plumbline.engine.history;

import com.fasterxml.jackson.core.type.TypeReference;
import io.plumbline.metrics.Metrics;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The environments an operator suspended ({@code POST /api/environments/{env}/suspend}), kept in one file of the
 * state folder so an emergency stop outlives a restart. A suspension is kept by name even while the environment is
 * not in the repository: a stop is lifted only by a resume. A file that cannot be read is an error, and the
 * service then starts with no suspension (it cannot tell which ones there were); one that cannot be written is
 * counted and logged, and the suspension still holds until the service stops.
 */
public final class Suspensions {
    private final StateFile<List<String>> file;
    private final Set<String> suspended = new TreeSet<>();

    /** @param file where the names are kept (read now, replaced durably on every change) */
    public Suspensions(Path file, Metrics metrics) {
        this.file = new StateFile<>(file, "suspended", new TypeReference<>() {
        }, metrics);
        this.file.read().ifPresent(suspended::addAll);
    }

    public synchronized boolean suspended(String environment) {
        return suspended.contains(environment);
    }

    /** Records the suspension (idempotent). */
    public synchronized void suspend(String environment) {
        if (suspended.add(environment)) {
            save();
        }
    }

    /** Lifts the suspension; false when there was none. */
    public synchronized boolean resume(String environment) {
        boolean was = suspended.remove(environment);
        if (was) {
            save();
        }
        return was;
    }

    private void save() {
        file.write(List.copyOf(suspended));
    }
}
