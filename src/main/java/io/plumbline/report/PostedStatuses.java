package io.plumbline.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.model.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What was last posted per commit and context, kept on disk so a restarted service does not post the same status
 * again. Bounded: the oldest entries are forgotten first (forgetting one costs at most a repeated, harmless post).
 * Remembering a status appends one line to a journal; once the journal holds as many lines as the memory holds
 * entries, the memory is written whole to a snapshot and the journal starts again, so a status costs the same
 * however many are remembered. Thread-safe.
 */
final class PostedStatuses {
    static final String FILE_NAME = "posted-statuses.json";
    static final String JOURNAL_NAME = "posted-statuses.journal";
    private static final Logger LOG = LoggerFactory.getLogger(PostedStatuses.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    record Entry(String slot, String fingerprint) {
    }

    record Saved(int version, List<Entry> posted) {
    }

    private final Path file;
    private final Path journal;
    private final int capacity;
    private final LinkedHashMap<String, String> lastPosted = new LinkedHashMap<>();
    private int journalLines;

    PostedStatuses(Path folder, int capacity) {
        this.file = folder.resolve(FILE_NAME);
        this.journal = folder.resolve(JOURNAL_NAME);
        this.capacity = capacity;
        load();
    }

    synchronized boolean alreadyPosted(CommitStatus status) {
        return status.fingerprint().equals(lastPosted.get(status.slot()));
    }

    synchronized void remember(CommitStatus status) {
        put(status.slot(), status.fingerprint());
        try {
            if (journalLines >= capacity) {
                compact();
            } else {
                PrivateFiles.append(journal, line(new Entry(status.slot(), status.fingerprint())));
                journalLines++;
            }
        } catch (IOException e) {
            LOG.warn("Could not save {} ({}); statuses may be posted once more after a restart", journal,
                    e.getMessage());
        }
    }

    synchronized int size() {
        return lastPosted.size();
    }

    private void put(String slot, String fingerprint) {
        lastPosted.remove(slot);
        lastPosted.put(slot, fingerprint);
        while (lastPosted.size() > capacity) {
            lastPosted.remove(lastPosted.keySet().iterator().next());
        }
    }

    private void load() {
        try {
            if (Files.isRegularFile(file)) {
                Saved saved = JSON.readValue(file.toFile(), Saved.class);
                (saved.posted() == null ? List.<Entry>of() : saved.posted()).forEach(this::replay);
            }
        } catch (IOException e) {
            // A damaged memory only means some statuses are posted once more; never stop reporting for it.
            LOG.warn("Ignoring unreadable {} ({}); statuses may be posted once more", file, e.getMessage());
        }
        try {
            if (Files.isRegularFile(journal)) {
                replayJournal();
            }
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable {} ({}); statuses may be posted once more", journal, e.getMessage());
        }
    }

    /** Replays the journal after the snapshot; a torn last line (a crash mid-append) is passed over and dropped. */
    private void replayJournal() throws IOException {
        boolean torn = false;
        for (String text : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            try {
                replay(JSON.readValue(text, Entry.class));
                journalLines++;
            } catch (IOException e) {
                torn = true;
            }
        }
        if (torn) {
            // Appending after a torn line would join the next record to it: start from a clean snapshot instead.
            compact();
        }
    }

    private void replay(Entry e) {
        if (e != null && e.slot() != null && e.fingerprint() != null) {
            put(e.slot(), e.fingerprint());
        }
    }

    /** Writes the memory whole (durably, replacing the old snapshot in one step), then empties the journal. */
    private void compact() throws IOException {
        List<Entry> entries = new ArrayList<>(lastPosted.size());
        for (Map.Entry<String, String> e : lastPosted.entrySet()) {
            entries.add(new Entry(e.getKey(), e.getValue()));
        }
        PrivateFiles.write(file, JSON.writeValueAsBytes(new Saved(1, entries)));
        // A crash before this line leaves a journal whose entries the snapshot already holds: replaying them is
        // harmless.
        Files.deleteIfExists(journal);
        journalLines = 0;
    }

    private static byte[] line(Entry entry) throws IOException {
        return (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
