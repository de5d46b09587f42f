package io.plumbline.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.model.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What was last posted per commit and context, kept in a small JSON file so a restarted service does not post
 * the same status again. Bounded: the oldest entries are forgotten first (forgetting one costs at most a
 * repeated, harmless post). Thread-safe.
 */
final class PostedStatuses {
    static final String FILE_NAME = "posted-statuses.json";
    private static final Logger LOG = LoggerFactory.getLogger(PostedStatuses.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    record Entry(String slot, String fingerprint) {
    }

    record Saved(int version, List<Entry> posted) {
    }

    private final Path file;
    private final int capacity;
    private final LinkedHashMap<String, String> lastPosted = new LinkedHashMap<>();

    PostedStatuses(Path folder, int capacity) {
        this.file = folder.resolve(FILE_NAME);
        this.capacity = capacity;
        load();
    }

    synchronized boolean alreadyPosted(CommitStatus status) {
        return status.fingerprint().equals(lastPosted.get(status.slot()));
    }

    synchronized void remember(CommitStatus status) {
        lastPosted.remove(status.slot());
        lastPosted.put(status.slot(), status.fingerprint());
        while (lastPosted.size() > capacity) {
            lastPosted.remove(lastPosted.keySet().iterator().next());
        }
        save();
    }

    synchronized int size() {
        return lastPosted.size();
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            Saved saved = JSON.readValue(file.toFile(), Saved.class);
            for (Entry e : saved.posted() == null ? List.<Entry>of() : saved.posted()) {
                if (e != null && e.slot() != null && e.fingerprint() != null) {
                    lastPosted.put(e.slot(), e.fingerprint());
                }
            }
            while (lastPosted.size() > capacity) {
                lastPosted.remove(lastPosted.keySet().iterator().next());
            }
        } catch (IOException e) {
            // A damaged memory only means some statuses are posted once more; never stop reporting for it.
            LOG.warn("Ignoring unreadable {} ({}); statuses may be posted once more", file, e.getMessage());
        }
    }

    private void save() {
        List<Entry> entries = new ArrayList<>(lastPosted.size());
        for (Map.Entry<String, String> e : lastPosted.entrySet()) {
            entries.add(new Entry(e.getKey(), e.getValue()));
        }
        try {
            PrivateFiles.write(file, JSON.writeValueAsBytes(new Saved(1, entries)));
        } catch (IOException e) {
            LOG.warn("Could not save {} ({}); statuses may be posted once more after a restart", file, e.getMessage());
        }
    }
}
