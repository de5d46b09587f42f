package io.plumbline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The clones a command makes of a remote repository live only as long as the command. */
final class TemporaryClones {
    private TemporaryClones() {
    }

    /** Deletes {@code folder} and everything in it when the JVM exits, however the command ends. */
    static void deleteOnExit(Path folder) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder), "plumbline-cli-cleanup"));
    }

    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("plumbline: could not delete the temporary clone " + folder + ": " + e.getMessage());
        }
    }
}
