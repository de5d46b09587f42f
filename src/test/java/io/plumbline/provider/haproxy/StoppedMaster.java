package io.plumbline.provider.haproxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes a real haproxy master unable to answer a reload, as one under heavy load may be: a check binary (given to
 * the provider as {@code haproxyBinary}) that, once armed, stops the master with SIGSTOP and then runs the real
 * {@code haproxy -c}, so the reload that follows the check reaches a master that cannot answer until resumed.
 */
public final class StoppedMaster {
    private final Path check;
    private final Path armed;
    private long master;

    private StoppedMaster(Path check, Path armed) {
        this.check = check;
        this.armed = armed;
    }

    /** @param folder where the check binary lives (outside the haproxy root) */
    public static StoppedMaster in(Path folder) throws IOException {
        Path armed = folder.resolve("stop-this-master-at-the-next-check");
        Path check = folder.resolve("haproxy-stopping-its-master");
        Files.writeString(check, "#!/bin/sh\nif [ -e " + armed + " ]; then master=$(cat " + armed + "); rm " + armed
                + "; kill -STOP $master; fi\nexec " + HaproxyOptions.DEFAULT_BINARY + " \"$@\"\n");
        Files.setPosixFilePermissions(check, PosixFilePermissions.fromString("rwx------"));
        return new StoppedMaster(check, armed);
    }

    public Path checkBinary() {
        return check;
    }

    /** The next check stops this master (its pid, which it keeps across reloads). */
    public void atNextCheck(long masterPid) throws IOException {
        master = masterPid;
        Files.writeString(armed, String.valueOf(masterPid));
    }

    /** Whether the armed check has run (and stopped the master). */
    public boolean wasStopped() {
        return master != 0 && !Files.exists(armed);
    }

    /** Lets the master go on, if one was armed. */
    public void resume() throws IOException, InterruptedException {
        if (master != 0) {
            new ProcessBuilder("kill", "-CONT", String.valueOf(master)).inheritIO().start().waitFor();
        }
    }
}
