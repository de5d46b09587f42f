package io.plumbline.source;

import io.plumbline.model.RepoFiles;
import io.plumbline.model.Revision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files of a plain folder (a working tree, or a repository checked out by someone else). */
public final class DirectoryFiles implements RepoFiles {
    private final Path root;
    private final Revision revision;

    public DirectoryFiles(Path root, Revision revision) {
        this.root = root.toAbsolutePath().normalize();
        this.revision = revision;
    }

    @Override
    public Revision revision() {
        return revision;
    }

    @Override
    public List<String> list(String folder) throws IOException {
        Path dir = resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Override
    public byte[] read(String path) throws IOException {
        Path file = resolve(path);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(path);
        }
        return Files.readAllBytes(file);
    }

    /** Paths come from environment files: never let one climb out of the repository. */
    private Path resolve(String relative) throws NoSuchFileException {
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root)) {
            throw new NoSuchFileException(relative, null, "outside the repository");
        }
        return p;
    }
}
