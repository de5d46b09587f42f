package io.plumbline.importer;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an import into a repository folder. Nothing is written when any file to write exists already and
 * {@code force} is not given: the refusal names every such file, so an import never overwrites half a repository.
 * Paths stay inside the folder.
 */
public final class ImportOutput {
    private final Path root;
    private final boolean force;

    public ImportOutput(Path root, boolean force) {
        this.root = root.toAbsolutePath().normalize();
        this.force = force;
    }

    /** The files that exist already (and would be overwritten), by their repository path. */
    public List<String> existing(Map<String, String> files) {
        List<String> out = new ArrayList<>();
        for (String path : files.keySet()) {
            if (Files.exists(resolve(path), LinkOption.NOFOLLOW_LINKS)) {
                out.add(path);
            }
        }
        return out;
    }

    /**
     * Writes every file, or none when one exists and {@code force} is off.
     *
     * @throws FileAlreadyExistsException naming the files that exist
     */
    public void write(Map<String, String> files) throws IOException {
        List<String> existing = existing(files);
        if (!existing.isEmpty() && !force) {
            throw new FileAlreadyExistsException(String.join(", ", existing), null,
                    "exists already; import overwrites nothing without --force");
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** The environment file first, then the parts' files in path order. */
    public static Map<String, String> all(String environmentPath, String environmentText, List<ImportedPart> parts) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(environmentPath, environmentText);
        parts.forEach(p -> out.putAll(p.files()));
        return out;
    }

    private Path resolve(String path) {
        Path target = root.resolve(path).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException(path + " lies outside " + root);
        }
        return target;
    }
}
