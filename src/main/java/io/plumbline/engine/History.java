package io.plumbline.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.metrics.Metrics;
import io.plumbline.model.Outcome;
import io.plumbline.model.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last reconciles of each environment, newest first, bounded, and kept in {@code <folder>/<env>.json} so
 * a restart loses nothing. Files are replaced durably (written, forced to disk, renamed): a crash leaves the
 * old history or the new, never half a file; a history that cannot be saved is an error and counted.
 */
public final class History implements OutcomeListener, ResumePoint {
    private static final Logger LOG = LoggerFactory.getLogger(History.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<HistoryEntry>> ENTRIES = new TypeReference<>() {
    };

    private final Path folder;
    private final int limit;
    private final Metrics metrics;
    private final Map<String, Deque<HistoryEntry>> entries = new TreeMap<>();

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
        Deque<HistoryEntry> list = entries.computeIfAbsent(outcome.environment(), e -> new ArrayDeque<>());
        list.addFirst(HistoryEntry.of(outcome));
        while (list.size() > limit) {
            list.removeLast();
        }
        save(outcome.environment(), List.copyOf(list));
    }

    public synchronized List<HistoryEntry> of(String environment) {
        return List.copyOf(entries.getOrDefault(environment, new ArrayDeque<>()));
    }

    public synchronized Optional<HistoryEntry> latest(String environment) {
        return Optional.ofNullable(entries.getOrDefault(environment, new ArrayDeque<>()).peekFirst());
    }

    @Override
    public synchronized Optional<String> lastCommit(String environment) {
        return latest(environment).filter(e -> !e.result().equals("failure")).map(HistoryEntry::commit);
    }

    public synchronized List<String> environments() {
        return new ArrayList<>(entries.keySet());
    }

    private void load() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String env = file.getFileName().toString().replaceFirst("\\.json$", "");
                try {
                    entries.put(env, new ArrayDeque<>(JSON.readValue(file.toFile(), ENTRIES)));
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
