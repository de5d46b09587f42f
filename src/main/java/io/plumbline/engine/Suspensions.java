package io.plumbline.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.metrics.Metrics;
import io.plumbline.model.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The environments an operator suspended ({@code POST /api/environments/{env}/suspend}), kept in one file of the
 * state folder so an emergency stop outlives a restart. A suspension is kept by name even while the environment is
 * not in the repository: a stop is lifted only by a resume. A file that cannot be read is an error, and the
 * service then starts with no suspension (it cannot tell which ones there were); one that cannot be written is
 * counted and logged, and the suspension still holds until the service stops.
 */
public final class Suspensions {
    private static final Logger LOG = LoggerFactory.getLogger(Suspensions.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    private final Path file;
    private final Metrics metrics;
    private final Set<String> suspended = new TreeSet<>();

    /** @param file where the names are kept (read now, replaced durably on every change) */
    public Suspensions(Path file, Metrics metrics) {
        this.file = file;
        this.metrics = metrics;
        load();
    }

    public synchronized boolean suspended(String environment) {
        return suspended.contains(environment);
    }

    /** Records the suspension (idempotent). */
    synchronized void suspend(String environment) {
        if (suspended.add(environment)) {
            save();
        }
    }

    /** Lifts the suspension; false when there was none. */
    synchronized boolean resume(String environment) {
        boolean was = suspended.remove(environment);
        if (was) {
            save();
        }
        return was;
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            suspended.addAll(JSON.readValue(file.toFile(), NAMES));
        } catch (IOException e) {
            LOG.error("suspended environments in {} are unreadable; none is suspended now: {}", file,
                    e.getMessage());
        }
    }

    private void save() {
        try {
            PrivateFiles.write(file, JSON.writeValueAsBytes(List.copyOf(suspended)));
        } catch (IOException e) {
            metrics.stateWriteFailed("suspended");
            LOG.error("suspended environments could not be saved; a restart would lose the change: {}",
                    e.getMessage());
        }
    }
}
