package io.plumbline.source;

import io.plumbline.model.RepoFiles;
import io.plumbline.model.Revision;
import io.plumbline.model.UnreadableFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a plain folder (a working tree, or a repository checked out by someone else). Only regular files
 * inside the folder are read: a symbolic link is never followed, whether it names a file or a folder, and a size
 * is checked before a file is opened.
 */
public final class DirectoryFiles implements RepoFiles {
    private final Path root;
    private final Revision revision;
    private final FileLimits limits;

    public DirectoryFiles(Path root, Revision revision, FileLimits limits) {
        this.root = realRoot(root);
        this.revision = revision;
        this.limits = limits;
    }

    public DirectoryFiles(Path root, Revision revision) {
        this(root, revision, FileLimits.DEFAULT);
    }

    @Override
    public Revision revision() {
        return revision;
    }

    @Override
    public List<String> list(String folder) throws IOException {
        Path dir = resolve(folder);
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        if (!inside(dir)) {
            return List.of(folder + "/");
        }
        List<String> paths = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                add(file, "");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                add(file, "/");
                return FileVisitResult.CONTINUE;
            }

            private void add(Path file, String suffix) throws UnreadableFileException {
                if (paths.size() == limits.maxFiles()) {
                    throw new UnreadableFileException(folder, "the folder holds " + limits.tooMany());
                }
                paths.add(relative(file) + suffix);
            }
        });
        paths.sort(null);
        return paths;
    }

    @Override
    public byte[] read(String path) throws IOException {
        Path file = resolve(path);
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path);
        }
        if (attrs.isSymbolicLink() || !inside(file.getParent())) {
            throw new UnreadableFileException(path, "a symbolic link; only regular files inside the repository are read");
        }
        if (!attrs.isRegularFile()) {
            throw new UnreadableFileException(path, "not a regular file");
        }
        if (attrs.size() > limits.maxFileBytes()) {
            throw new UnreadableFileException(path, limits.tooLarge(attrs.size()));
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(Math.toIntExact(limits.maxFileBytes()) + 1);
            if (bytes.length > limits.maxFileBytes()) {
                // The file grew between the size check and the read.
                throw new UnreadableFileException(path, limits.tooLarge(bytes.length));
            }
            return bytes;
        }
    }

    /** Paths come from environment files: never let one climb out of the repository or carry a NUL. */
    private Path resolve(String relative) throws IOException {
        Path p;
        try {
            p = root.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            throw new UnreadableFileException(relative, "not a valid path (" + e.getReason() + ")");
        }
        if (!p.startsWith(root)) {
            throw new NoSuchFileException(relative, null, "outside the repository");
        }
        return p;
    }

    /** Whether a folder, with every link on the way resolved, is still inside the repository. */
    private boolean inside(Path folder) throws IOException {
        try {
            return folder.toRealPath().startsWith(root);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static Path realRoot(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            // A folder that does not exist holds no files; list() says so.
            return root.toAbsolutePath().normalize();
        }
    }
}
