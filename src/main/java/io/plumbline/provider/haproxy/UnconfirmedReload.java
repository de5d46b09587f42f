package io.plumbline.provider.haproxy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code <config>.unconfirmed}: written right before a new file is swapped in, with the pids of the workers that
 * served until then, and removed once the reload confirms (a new worker) or refuses it (the last good file is
 * back). While no worker outside those pids runs, the file on disk is not what HAProxy runs: the workers still run
 * {@code <config>.last-good}, and the next plan says so and reloads again. A reload confirmed only after the
 * timeout leaves the record behind, stale: a plan reads it and writes nothing, and the next swap replaces it.
 *
 * <p>Why a record and not a comparison of the file's last change with the newest worker's start from
 * {@code show proc}: that start is an uptime in whole seconds, so a reload within the second of the swap cannot be
 * told from one that never came. Any worker outside the recorded pids was started after the swap (by a reload or
 * a restart), so it read the new file; a worker the record names did not. The record is written atomically before
 * the swap, so a Plumbline stopped between the swap and the reload leaves it too; after a power loss HAProxy starts
 * anew from the file on disk, its workers are outside the record, and the file counts as taken, which it is.
 */
final class UnconfirmedReload {
    private static final String HEADER = "# workers serving before the latest swap of the configuration; once"
            + " another worker runs, haproxy took the file and this record means nothing\n";
    private final Path file;
    private final WritableFolders folders;

    UnconfirmedReload(Path config, WritableFolders folders) {
        this.file = config.resolveSibling(config.getFileName() + ".unconfirmed");
        this.folders = folders;
    }

    /** Whether a new file was swapped in and no worker started since: the workers run the last good file. */
    boolean pending(ProcStatus now) {
        String text = folders.read(file);
        if (text == null) {
            return false;
        }
        Set<Long> before = text.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .flatMap(l -> Arrays.stream(l.strip().split("\\s+"))).map(Long::valueOf).collect(Collectors.toSet());
        return now.workers().stream().allMatch(w -> before.contains(w.pid()));
    }

    /**
     * Records the workers serving before a swap. An earlier record still pending is kept: its workers still serve,
     * and still run the last good file.
     */
    void begin(ProcStatus before) {
        if (!pending(before)) {
            folders.write(file, HEADER + before.workers().stream().map(w -> String.valueOf(w.pid()))
                    .collect(Collectors.joining(" ")) + "\n");
        }
    }

    /** HAProxy confirmed or refused the reload: the file on disk is what the workers run. */
    void clear() {
        folders.delete(file);
    }
}
