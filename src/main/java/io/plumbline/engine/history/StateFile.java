package io.plumbline.engine.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.metrics.Metrics;
import io.plumbline.model.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON file of the state folder that an operator's decision or a rollback lives in, so it outlives a restart.
 * Replaced durably on every change ({@link PrivateFiles#write}). A file that cannot be read is logged as an error
 * and taken as absent (the service cannot tell what it held); one that cannot be written is counted as
 * {@code plumbline_state_write_failures_total{file=<name>}} and logged, and what it holds still holds in memory
 * until the service stops.
 */
final class StateFile<T> {
    private static final Logger LOG = LoggerFactory.getLogger(StateFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String name;
    private final TypeReference<T> type;
    private final Metrics metrics;

    /** @param name what the file holds, as the metric's {@code file} label and the log say it */
    StateFile(Path file, String name, TypeReference<T> type, Metrics metrics) {
        this.file = file;
        this.name = name;
        this.type = type;
        this.metrics = metrics;
    }

    /** What the file holds; empty when there is none or it cannot be read. */
    Optional<T> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readValue(file.toFile(), type));
        } catch (IOException e) {
            LOG.error("{} in {} is unreadable; taken as none: {}", name, file, e.getMessage());
            return Optional.empty();
        }
    }

    void write(T value) {
        try {
            PrivateFiles.write(file, JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            metrics.stateWriteFailed(name);
            LOG.error("{} could not be saved; a restart would lose the change: {}", name, e.getMessage());
        }
    }
}
