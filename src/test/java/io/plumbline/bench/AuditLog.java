package io.plumbline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Counts the requests an API server answered, from its audit log (one JSON line per request and stage), for
 * one client (by user agent) since the last mark.
 */
final class AuditLog {
    private final Path file;
    private long seen;

    AuditLog(Path file) {
        this.file = file;
    }

    /** Forgets what is in the log so far. */
    void mark() {
        seen = lines().size();
    }

    /** Requests answered since the mark whose user agent starts with {@code agent}; marks again. */
    long since(String agent) {
        List<String> all = lines();
        long count = all.subList((int) Math.min(seen, all.size()), all.size()).stream()
                .filter(l -> l.contains("\"stage\":\"ResponseComplete\"") && l.contains("\"userAgent\":\"" + agent))
                .count();
        seen = all.size();
        return count;
    }

    private List<String> lines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
