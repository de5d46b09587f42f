package io.plumbline.render.haproxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The part of a haproxy.cfg that only a reload can change: every section's lines without comments, and
 * server lines without what the runtime API sets (weight, the {@code disabled} state, an IP address).
 * Two files with the same structure differ only in what is applied through the runtime socket.
 */
public final class ConfigStructure {
    private static final Pattern IPV4_ADDRESS = Pattern.compile("^[0-9]{1,3}(\\.[0-9]{1,3}){3}:[0-9]{1,5}$");

    private ConfigStructure() {
    }

    /** Section header ({@code backend backendnodes}) to its structural lines, in file order. */
    public static Map<String, Object> of(String configText) {
        Map<String, Object> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String raw : configText.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(raw.charAt(0))) {
                current = new ArrayList<>();
                sections.put(line, current);
            } else if (current != null) {
                current.add(line.startsWith("server ") ? structuralServerLine(line) : line);
            }
        }
        return sections;
    }

    /**
     * HAProxy resolves host names only when it starts, so a server given by name needs a reload to move;
     * one given by IP address moves through the runtime API.
     */
    public static boolean addressSetAtRuntime(String address) {
        return IPV4_ADDRESS.matcher(address).matches();
    }

    private static String structuralServerLine(String line) {
        String[] words = line.split("\\s+");
        List<String> kept = new ArrayList<>(List.of(words[0], words[1]));
        if (words.length > 2 && !addressSetAtRuntime(words[2])) {
            kept.add(words[2]);
        }
        for (int i = 3; i < words.length; i++) {
            if (words[i].equals("weight")) {
                i++;
            } else if (!words[i].equals("disabled")) {
                kept.add(words[i]);
            }
        }
        return String.join(" ", kept);
    }
}
