package io.plumbline.engine.history;

import com.fasterxml.jackson.core.type.TypeReference;
import io.plumbline.metrics.Metrics;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The environments held after a rollback, kept in one file of the state folder ({@code held.json}) so that a
 * restart does not apply the failed commit once more: the commit a rollback went back from stays held until a new
 * commit is desired or an operator's reconcile of it succeeds. Written as {@link Suspensions} are.
 */
public final class Holds {
    private final StateFile<Map<String, Hold>> file;
    private final Map<String, Hold> held = new TreeMap<>();

    /** @param file where the holds are kept (read now, replaced durably on every change) */
    public Holds(Path file, Metrics metrics) {
        this.file = new StateFile<>(file, "held", new TypeReference<>() {
        }, metrics);
        this.file.read().ifPresent(held::putAll);
    }

    public synchronized Optional<Hold> of(String environment) {
        return Optional.ofNullable(held.get(environment));
    }

    public synchronized void hold(String environment, Hold hold) {
        if (!hold.equals(held.put(environment, hold))) {
            file.write(Map.copyOf(held));
        }
    }

    public synchronized void release(String environment) {
        if (held.remove(environment) != null) {
            file.write(Map.copyOf(held));
        }
    }
}
