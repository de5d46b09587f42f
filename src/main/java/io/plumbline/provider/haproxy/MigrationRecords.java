package io.plumbline.provider.haproxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.provider.ProviderException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The migrations of one HAProxy, by backend, in one JSON file beside its server-state file ({@code
 * <stateFile>.migrations}): written inside the allowed folders, never through a link, replaced whole on every step.
 */
final class MigrationRecords {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final WritableFolders folders;

    MigrationRecords(Path stateFile, WritableFolders folders) {
        this.file = stateFile.resolveSibling(stateFile.getFileName() + ".migrations");
        this.folders = folders;
    }

    Optional<MigrationRecord> of(String backend) {
        return Optional.ofNullable(all().get(backend));
    }

    void put(String backend, MigrationRecord record) {
        Map<String, MigrationRecord> all = all();
        all.put(backend, record);
        try {
            folders.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, MigrationRecord> all() {
        String text = folders.read(file);
        if (text == null) {
            return new TreeMap<>();
        }
        try {
            return JSON.readValue(text, new TypeReference<TreeMap<String, MigrationRecord>>() {
            });
        } catch (JsonProcessingException e) {
            throw ProviderException.refused(file + " cannot be read (" + e.getOriginalMessage() + "): move it aside"
                    + " to start the migrations it records afresh");
        }
    }
}
