package io.plumbline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;

/**
 * Writes the bash (and zsh, through bashcompinit) completion script of every command and option, as picocli
 * generates it; the build runs it and the release ships the script. {@code AutoComplete}'s own main cannot: it would
 * see {@link Main} without the subcommands, which {@link Main#commandLine} adds.
 */
public final class Completion {
    private Completion() {
    }

    /** @param args the file to write */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, AutoComplete.bash("plumbline", Main.commandLine(null)));
    }
}
