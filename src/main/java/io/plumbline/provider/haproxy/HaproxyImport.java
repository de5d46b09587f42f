package io.plumbline.provider.haproxy;

import io.plumbline.importer.ImportedPart;
import io.plumbline.importer.LeftOut;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a hand-written haproxy.cfg into the typed {@code spec.haproxy} section, line by line: each line the typed
 * form has a field for goes into it, each line Plumbline writes by itself anyway is dropped quietly (its own
 * {@code master-worker}, state file and init-addr lines), and every other line is named in the report with its
 * section and line number, since the file Plumbline writes will not have it. Only reads the text it is given.
 */
public final class HaproxyImport {
    /** Lines Plumbline's configuration always has; finding them in the hand-written file loses nothing. */
    private static final Map<String, Set<String>> WRITTEN_ANYWAY = Map.of("global", Set.of("master-worker"),
            "defaults", Set.of("option idle-close-on-response", "load-server-state-from-file global",
                    "default-server init-addr last,libc,none"),
            "listen", Set.of("stats enable", "mode http"));
    private static final Pattern TIME = Pattern.compile("(\\d+)(ms|s|m|h|d)?");
    private static final Pattern HOST_CONDITION = Pattern.compile("\\{ hdr\\(host\\)(?:,field\\(1,:\\))? -i (\\S+) }");
    private static final Pattern SECRET = Pattern.compile("(?i)auth|passw|secret|token|key");
    private static final Pattern PATH_CONDITION = Pattern.compile("\\{ path_beg (\\S+) }");

    private final String configPath;
    private final String root;
    private final List<LeftOut> left = new ArrayList<>();
    private final Map<String, Object> global = new LinkedHashMap<>();
    private final Map<String, Object> defaults = new LinkedHashMap<>();
    private final List<Object> frontends = new ArrayList<>();
    private final List<Object> backends = new ArrayList<>();
    private Map<String, Object> stats;
    private String runtimeSocket;
    private String stateFile;
    private int servers;

    private HaproxyImport(String configPath, String root) {
        this.configPath = configPath;
        this.root = root;
    }

    /**
     * @param configPath   the configuration's path on the proxy host, written as {@code config}
     * @param text         its content
     * @param masterSocket the master CLI socket HAProxy was started with ({@code -S}), which the file cannot say
     * @param root         the folder the environment's paths are resolved under ({@code --haproxy-root}), whose
     *                     prefix the paths in the file lose; null for paths as written
     */
    public static ImportedPart read(String configPath, String text, String masterSocket, String root) {
        HaproxyImport in = new HaproxyImport(configPath, root);
        in.parse(text);
        return in.part(masterSocket);
    }

    private void parse(String text) {
        String section = null;
        Map<String, Object> current = null;
        int number = 0;
        for (String raw : text.split("\n", -1)) {
            number++;
            String line = raw.replaceFirst("(^|\\s)#.*$", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!Character.isWhitespace(raw.charAt(0))) {
                section = line;
                current = open(line, number);
                continue;
            }
            if (section == null) {
                leave(number, "(before any section)", line, "outside every section");
            } else if (!take(section, current, line)) {
                leave(number, section, line, "the typed form has no field for it");
            }
        }
    }

    private Map<String, Object> open(String header, int number) {
        String[] words = header.split("\\s+");
        Map<String, Object> out = new LinkedHashMap<>();
        switch (words[0]) {
            case "global", "defaults" -> {
                if (words.length > 1) {
                    leave(number, header, header, "named defaults sections are not in the typed form; read as the"
                            + " only defaults");
                }
                return words[0].equals("global") ? global : defaults;
            }
            case "frontend", "backend" -> {
                out.put("name", words.length > 1 ? words[1] : "unnamed");
                (words[0].equals("frontend") ? frontends : backends).add(out);
                return out;
            }
            case "listen" -> {
                if (stats == null) {
                    stats = out;
                    return out;
                }
            }
            default -> { }
        }
        leave(number, header, header, "a section the typed form does not have; its lines are left out too");
        return null;
    }

    private boolean take(String section, Map<String, Object> into, String line) {
        if (into == null) {
            return true; // already named as a whole with its section
        }
        String[] w = line.split("\\s+");
        String kind = section.split("\\s+")[0];
        if (WRITTEN_ANYWAY.getOrDefault(kind, Set.of()).contains(line)) {
            return true;
        }
        return switch (kind) {
            case "global" -> global(w, line);
            case "defaults" -> defaults(w);
            case "frontend" -> frontend(into, w, line);
            case "backend" -> backend(into, w, line);
            case "listen" -> listen(w, line);
            default -> false;
        };
    }

    private boolean global(String[] w, String line) {
        switch (w[0]) {
            case "maxconn", "nbthread" -> {
                return integer(global, w[0], w, 1);
            }
            case "hard-stop-after" -> {
                return time(global, "hardStopAfter", w, 1);
            }
            case "server-state-file" -> {
                stateFile = w.length == 2 ? hostPath(w[1]) : null;
                return stateFile != null;
            }
            case "stats" -> {
                if (w.length > 2 && w[1].equals("socket") && runtimeSocket == null && line.contains("level admin")) {
                    runtimeSocket = hostPath(w[2]);
                    return true;
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    private boolean defaults(String[] w) {
        switch (w[0]) {
            case "mode" -> {
                defaults.put("mode", w.length > 1 ? w[1] : null);
                return w.length == 2 && (w[1].equals("http") || w[1].equals("tcp"));
            }
            case "timeout" -> {
                return w.length == 3 && Set.of("connect", "client", "server").contains(w[1])
                        && time(defaults, w[1] + "Timeout", w, 2);
            }
            case "retries" -> {
                return integer(defaults, "retries", w, 1);
            }
            default -> {
                return false;
            }
        }
    }

    private boolean frontend(Map<String, Object> f, String[] w, String line) {
        switch (w[0]) {
            case "bind" -> {
                if (w.length != 2 || f.containsKey("bind")) {
                    return false;
                }
                f.put("bind", w[1]);
                return true;
            }
            case "default_backend" -> {
                f.put("defaultBackend", w[1]);
                return w.length == 2;
            }
            case "use_backend" -> {
                return route(f, w[1], line.substring(line.indexOf(w[1]) + w[1].length()).strip());
            }
            default -> {
                return false;
            }
        }
    }

    /** {@code use_backend b if { hdr(host) -i h } { path_beg /p }}, as Plumbline writes it; any other condition is not. */
    @SuppressWarnings("unchecked")
    private static boolean route(Map<String, Object> f, String backend, String condition) {
        if (!condition.startsWith("if ")) {
            return false;
        }
        String rest = condition.substring(3).strip();
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("backend", backend);
        Matcher host = HOST_CONDITION.matcher(rest);
        if (host.lookingAt()) {
            route.put("host", host.group(1));
            rest = rest.substring(host.end()).strip();
        }
        Matcher path = PATH_CONDITION.matcher(rest);
        if (path.lookingAt()) {
            route.put("path", path.group(1));
            rest = rest.substring(path.end()).strip();
        }
        if (!rest.isEmpty() || route.size() == 1) {
            return false;
        }
        ((List<Object>) f.computeIfAbsent("routes", k -> new ArrayList<>())).add(route);
        return true;
    }

    @SuppressWarnings("unchecked")
    private boolean backend(Map<String, Object> b, String[] w, String line) {
        switch (w[0]) {
            case "balance" -> {
                b.put("balance", w[1]);
                return w.length == 2;
            }
            case "option" -> {
                if (line.equals("option forwardfor")) {
                    b.put("forwardFor", true);
                    return true;
                }
                if (w.length >= 4 && w[1].equals("httpchk") && (w.length == 4 || w.length == 5
                        && w[4].equals("HTTP/1.1"))) {
                    Map<String, Object> check = check(b);
                    check.put("method", w[2]);
                    check.put("path", w[3]);
                    return true;
                }
                return false;
            }
            case "http-check" -> {
                if (w.length == 5 && w[1].equals("send") && w[2].equals("hdr") && w[3].equalsIgnoreCase("Host")) {
                    check(b).put("host", w[4]);
                    return true;
                }
                return false;
            }
            case "default-server" -> {
                Map<String, Object> check = new LinkedHashMap<>();
                for (int i = 1; i < w.length; i += 2) {
                    boolean read = i + 1 < w.length && switch (w[i]) {
                        case "inter" -> time(check, "interval", w, i + 1);
                        case "rise", "fall" -> integer(check, w[i], w, i + 1);
                        default -> false;
                    };
                    if (!read) {
                        return false;
                    }
                }
                check(b).putAll(check);
                return true;
            }
            case "server" -> {
                return server((List<Object>) b.computeIfAbsent("servers", k -> new ArrayList<>()), w);
            }
            default -> {
                return false;
            }
        }
    }

    private static Map<String, Object> check(Map<String, Object> backend) {
        @SuppressWarnings("unchecked")
        Map<String, Object> check = (Map<String, Object>) backend.computeIfAbsent("healthCheck",
                k -> new LinkedHashMap<>());
        return check;
    }

    /** {@code server name address [check] [weight n] [disabled]}; a server with other options is not in the typed form. */
    private boolean server(List<Object> servers, String[] w) {
        if (w.length < 3) {
            return false;
        }
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("name", w[1]);
        server.put("address", w[2]);
        boolean check = false;
        for (int i = 3; i < w.length; i++) {
            switch (w[i]) {
                case "check" -> check = true;
                case "disabled" -> server.put("state", "maint");
                case "weight" -> {
                    if (!integer(server, "weight", w, ++i)) {
                        return false;
                    }
                }
                default -> {
                    return false;
                }
            }
        }
        if (!check) {
            server.put("check", false);
        }
        servers.add(server);
        this.servers++;
        return true;
    }

    private boolean listen(String[] w, String line) {
        if (w[0].equals("bind") && w.length == 2) {
            stats.put("bind", w[1]);
            return true;
        }
        if (w[0].equals("stats") && w.length == 3 && w[1].equals("uri")) {
            stats.put("uri", w[2]);
            return true;
        }
        if (line.equals("stats admin if TRUE")) {
            stats.put("admin", true);
            return true;
        }
        return false;
    }

    /** A path of the file as the environment names it: under the root, without the root. */
    private String hostPath(String path) {
        String prefix = root == null ? null : root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        return prefix != null && path.startsWith(prefix + "/") ? path.substring(prefix.length()) : path;
    }

    private static boolean integer(Map<String, Object> into, String key, String[] w, int at) {
        if (at >= w.length || !w[at].matches("\\d{1,9}")) {
            return false;
        }
        into.put(key, Integer.parseInt(w[at]));
        return true;
    }

    /** HAProxy's times are milliseconds without a unit; {@code us} has no duration of ours. */
    private static boolean time(Map<String, Object> into, String key, String[] w, int at) {
        Matcher m = at < w.length ? TIME.matcher(w[at]) : null;
        if (m == null || !m.matches() || m.group(1).length() > 10) {
            return false;
        }
        into.put(key, m.group(2) == null ? m.group(1) + "ms" : w[at]);
        return true;
    }

    private void leave(int number, String section, String line, String why) {
        left.add(new LeftOut("haproxy " + configPath + ":" + number + " [" + section + "] " + shown(line), why));
    }

    /** A line as the report shows it: one that may carry a credential ({@code stats auth}, a user's password) cut. */
    static String shown(String line) {
        if (!SECRET.matcher(line).find()) {
            return line;
        }
        String[] words = line.split("\\s+");
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(2, words.length))) + " … (not shown: it may"
                + " hold a credential)";
    }

    private ImportedPart part(String masterSocket) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("config", configPath);
        section.put("masterSocket", masterSocket);
        section.put("runtimeSocket", runtimeSocket == null ? "/run/haproxy/admin.sock" : runtimeSocket);
        if (runtimeSocket == null) {
            left.add(new LeftOut("haproxy runtime socket", "the file has no 'stats socket … level admin'; written as"
                    + " /run/haproxy/admin.sock, which Plumbline's configuration opens"));
        }
        section.put("stateFile", stateFile);
        section.put("global", global.isEmpty() ? null : global);
        section.put("defaults", defaults.isEmpty() ? null : defaults);
        section.put("frontends", frontends.isEmpty() ? null : frontends);
        section.put("backends", backends.isEmpty() ? null : backends);
        if (stats != null && stats.containsKey("bind")) {
            section.put("stats", stats);
        }
        Map<String, Integer> counts = new TreeMap<>();
        counts.put("frontend", frontends.size());
        counts.put("backend", backends.size());
        counts.put("server", servers);
        return new ImportedPart("haproxy", "read from " + configPath, section, Map.of(), counts, left);
    }
}
