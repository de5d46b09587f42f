package io.plumbline.provider.haproxy;

import io.plumbline.provider.Fence;
import io.plumbline.provider.ProviderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The only folders Plumbline writes HAProxy files in. A file is written only inside one of them, never through a
 * symbolic link (neither the file nor a folder on the way), and always whole: a temporary file with a fresh name
 * beside it, renamed into place; and only while the fence says the environment is still this process's.
 */
final class WritableFolders {
    private final List<Path> folders;
    private final Fence fence;

    WritableFolders(List<Path> folders) {
        this(folders, Fence.NONE);
    }

    WritableFolders(List<Path> folders, Fence fence) {
        this.folders = folders.stream().map(f -> f.toAbsolutePath().normalize()).toList();
        this.fence = fence;
    }

    /** Whether a declared path lies strictly inside one of the folders (no link is resolved). */
    boolean contain(Path path) {
        Path p = path.toAbsolutePath().normalize();
        return p.equals(path.toAbsolutePath()) && folders.stream().anyMatch(f -> p.startsWith(f) && !p.equals(f));
    }

    String describe() {
        return folders.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    /**
     * Asked first by every write, rename and removal.
     *
     * @throws ProviderException (refused) when the file is outside the folders or a link is on the way to it
     */
    void requireWritable(Path file) {
        fence.check();
        if (!contain(file)) {
            throw ProviderException.refused(file + " is outside the folders Plumbline may write (" + describe()
                    + ")");
        }
        if (Files.isSymbolicLink(file)) {
            throw ProviderException.refused(file + " is a symbolic link; Plumbline never writes through one");
        }
        Path parent = file.toAbsolutePath().getParent();
        try {
            Path real = Files.exists(parent) ? parent.toRealPath() : parent;
            if (folders.stream().noneMatch(f -> real.startsWith(realOf(f)))) {
                throw ProviderException.refused(parent + " leads through a symbolic link to " + real
                        + ", outside the folders Plumbline may write (" + describe() + ")");
            }
        } catch (IOException e) {
            throw ProviderException.retryable("cannot check " + parent + ": " + e.getMessage(), e);
        }
    }

    /** Writes a temporary file in the same folder and renames it, so readers never see half a file. */
    void write(Path target, String text) {
        requireWritable(target);
        try {
            createFolders(target);
            requireWritable(target);
            Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw ProviderException.retryable("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates the missing folders between the allowed folder and the file, one at a time and only after every
     * folder on the way that exists has been found not to be a symbolic link: a link inside an allowed folder must
     * not let folders appear where it points.
     */
    private void createFolders(Path file) throws IOException {
        Path parent = file.toAbsolutePath().normalize().getParent();
        // The deepest allowed folder holding the file: an allowed folder may itself be a link, set so by the operator.
        Path folder = folders.stream().filter(parent::startsWith).max(Comparator.comparingInt(Path::getNameCount))
                .orElseThrow();
        List<Path> missing = new ArrayList<>();
        Path at = folder;
        for (Path name : parent.equals(folder) ? List.<Path>of() : folder.relativize(parent)) {
            at = at.resolve(name);
            if (Files.isSymbolicLink(at)) {
                throw ProviderException.refused(at + " is a symbolic link; Plumbline never writes through one");
            }
            if (!missing.isEmpty() || !Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
                missing.add(at);
            }
        }
        Files.createDirectories(folder);
        for (Path create : missing) {
            try {
                Files.createDirectory(create);
            } catch (FileAlreadyExistsException e) {
                // Made meanwhile by another write: fine if it is a folder, never if it is a link.
                if (!Files.isDirectory(create, LinkOption.NOFOLLOW_LINKS)) {
                    throw ProviderException.refused(create + " appeared as something other than a folder");
                }
            }
        }
    }

    /** Removes a file of the folders, if it is there. */
    void delete(Path file) {
        requireWritable(file);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw ProviderException.retryable("cannot remove " + file + ": " + e.getMessage(), e);
        }
    }

    /** The text of a file Plumbline may read back (not a link), or null when there is none. */
    String read(Path file) {
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            if (Files.isSymbolicLink(file)) {
                throw ProviderException.refused(file + " is a symbolic link; Plumbline never reads or writes through one");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ProviderException.retryable("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path realOf(Path folder) {
        try {
            return Files.exists(folder) ? folder.toRealPath() : folder;
        } catch (IOException e) {
            return folder;
        }
    }
}
