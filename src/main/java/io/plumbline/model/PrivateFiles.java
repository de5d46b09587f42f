package io.plumbline.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.NoSuchFileException;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The service's own files (Git cache, state): readable by its user only (folders 0700, files 0600), and
 * replaced durably, so that a crash or power loss leaves the old file or the new one, never a torn one. On a
 * file system without POSIX permissions the modes are left as they are.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> GROUP_AND_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {
    }

    /** Creates {@code folder} (and missing parents) if needed, and makes it 0700. */
    public static Path folder(Path folder) throws IOException {
        try {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            throw new IOException(folder + " exists and is not a folder", e);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: no mode to give at creation; restrict() below takes what it can
            Files.createDirectories(folder);
        }
        restrict(folder);
        return folder;
    }

    /**
     * Writes {@code bytes} to {@code target}: into a temporary file (0600) next to it, forced to disk, renamed over
     * the target, and the folder forced to disk so the rename itself survives a crash.
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path folder = folder(target.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    /**
     * Appends {@code bytes} to {@code target} (created 0600 if missing) and forces them to disk. A crash during an
     * append may leave its bytes partly written: a reader of such a journal passes over an incomplete last record.
     */
    public static void append(Path target, byte[] bytes) throws IOException {
        Path folder = folder(target.toAbsolutePath().getParent());
        boolean created = !Files.exists(target);
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            restrict(target);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        if (created) {
            try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
                dir.force(true);
            }
        }
    }

    /**
     * Takes group and others' access away from {@code root} and everything under it. Files that vanish while it
     * walks (lock files of a concurrent writer) are passed over.
     */
    public static void restrictTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                restrict(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                restrict(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private static void restrict(Path path) throws IOException {
        try {
            Set<PosixFilePermission> modes = Files.getPosixFilePermissions(path);
            if (modes.removeAll(GROUP_AND_OTHERS)) {
                Files.setPosixFilePermissions(path, modes);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to take away
        } catch (NoSuchFileException e) {
            // gone while we looked: nothing left to protect
        }
    }
}
