package io.plumbline.provider.haproxy;

import io.plumbline.model.Marks;
import io.plumbline.provider.ProviderException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The server-state file HAProxy reads back when a reload starts a new worker ({@code load-server-state-from-file}):
 * maintenance, drain and weights set at runtime survive a reload through it.
 *
 * <p>It is Plumbline's file like the configuration: written only where there is none yet or where it carries
 * Plumbline's mark (a comment after the version line, which HAProxy skips). A server whose address or port the
 * new configuration changes is left out: under {@code init-addr last} the saved address would win over the new
 * one, and a server given by host name would stay where it was.
 */
final class ServerStateFile {
    private final Path file;
    private final WritableFolders folders;

    ServerStateFile(Path file, WritableFolders folders) {
        this.file = file;
        this.folders = folders;
    }

    /**
     * @param state     {@code show servers state} of the running worker
     * @param oldConfig the configuration it runs, or null
     * @param newConfig the configuration the next worker starts with
     */
    void save(String state, String oldConfig, String newConfig) {
        requireOwned();
        folders.write(file, content(state, oldConfig, newConfig));
    }

    /** @throws ProviderException (refused) unless the file is absent or Plumbline's, and may be written */
    void requireOwned() {
        folders.requireWritable(file);
        String current = folders.read(file);
        if (current != null && !HeaderMark.onStateFile(current)) {
            throw ProviderException.refused(file + " is not a server-state file written by Plumbline (no '"
                    + Marks.HAPROXY_HEADER + "' line after its version line); move it aside or point stateFile"
                    + " elsewhere");
        }
    }

    /** The state text, marked, without the servers whose declared address changes. */
    static String content(String state, String oldConfig, String newConfig) {
        Map<String, String> before = addresses(oldConfig);
        Map<String, String> after = addresses(newConfig);
        StringBuilder out = new StringBuilder();
        String[] lines = state.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String[] words = line.strip().split("\\s+");
            boolean server = i > 0 && !line.startsWith("#") && words.length > 3;
            String key = server ? words[1] + "/" + words[3] : null;
            if (server && after.containsKey(key) && !Objects.equals(after.get(key), before.get(key))) {
                continue;
            }
            out.append(line).append('\n');
            if (i == 0) {
                out.append(Marks.HAPROXY_HEADER).append('\n');
            }
        }
        return out.toString();
    }


    /** {@code backend/server} to the address word of each server line of a configuration. */
    private static Map<String, String> addresses(String config) {
        Map<String, String> addresses = new HashMap<>();
        if (config == null) {
            return addresses;
        }
        String proxy = null;
        for (String raw : config.split("\n")) {
            String[] words = raw.strip().split("\\s+");
            if (!raw.isEmpty() && !Character.isWhitespace(raw.charAt(0))) {
                proxy = words.length > 1 ? words[1] : null;
            } else if (proxy != null && words.length > 2 && words[0].equals("server")) {
                addresses.put(proxy + "/" + words[1], words[2]);
            }
        }
        return addresses;
    }
}
