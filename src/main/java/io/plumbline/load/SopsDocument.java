package io.plumbline.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A SOPS-encrypted file as the {@code sops} CLI writes it (YAML, JSON or dotenv), read without decrypting anything:
 * its values in file order (the order its MAC is computed in) and its {@code sops} metadata. The keys of a SOPS file
 * are in clear; only values are encrypted ({@code ENC[AES256_GCM,…]}).
 */
public final class SopsDocument {
    /** The largest SOPS file read: secrets files are small. */
    static final int MAX_CHARS = 256 * 1024;

    private final String file;
    private final String text;
    private final List<Leaf> leaves;
    private final Metadata metadata;

    private SopsDocument(String file, String text, List<Leaf> leaves, Metadata metadata) {
        this.file = file;
        this.text = text;
        this.leaves = List.copyOf(leaves);
        this.metadata = metadata;
    }

    /**
     * One value: its keys from the root ({@code path}, list items take their list's path, as SOPS does), and as
     * written: an {@code ENC[…]} string, or a value left in clear (a key with the unencrypted suffix, say).
     */
    public record Leaf(List<String> path, Object value) {
        public String key() {
            return String.join(".", path);
        }
    }

    /** A master key that can decrypt the data key: {@code type} {@code age} (a recipient) or {@code kms} (an ARN). */
    public record MasterKey(String type, String id, String enc, Map<String, String> context) {
    }

    public record Metadata(String mac, String lastModified, List<MasterKey> keys, String unencryptedSuffix,
                           String encryptedSuffix, String unencryptedRegex, String encryptedRegex,
                           boolean macOnlyEncrypted) {
    }

    public String file() {
        return file;
    }

    public List<Leaf> leaves() {
        return leaves;
    }

    public Metadata metadata() {
        return metadata;
    }

    public Optional<Leaf> leaf(String key) {
        return leaves.stream().filter(l -> l.key().equals(key)).findFirst();
    }

    /** A problem placed at the first line holding {@code needle} (an encrypted value is unique: its IV is random). */
    public Problem problemAt(String needle, String message) {
        int at = needle == null || needle.isEmpty() ? -1 : text.indexOf(needle);
        if (at < 0) {
            return new Problem(file, 1, 1, "", message);
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Problem(file, line, at - lineStart + 1, "", message);
    }

    /** Where the MAC is written: what a MAC that does not match is placed at. */
    public Problem problemAtMac(String message) {
        return problemAt(metadata.mac(), message);
    }

    /** Reads {@code text}; a file that is not one SOPS wrote is invalid input naming why. */
    public static SopsDocument parse(String file, String text) {
        if (text.length() > MAX_CHARS) {
            throw invalid(file, "has " + text.length() + " characters; a SOPS file may have at most " + MAX_CHARS);
        }
        Map<String, Object> tree;
        Map<String, Object> sops;
        if (file.endsWith(".env")) {
            tree = dotenv(file, text);
            sops = unflattenedSops(tree);
        } else {
            tree = file.endsWith(".json") ? json(file, text) : yaml(file, text);
            sops = tree.remove("sops") instanceof Map<?, ?> m ? strings(m) : null;
        }
        if (sops == null) {
            throw invalid(file, "is not encrypted with SOPS: it has no sops metadata");
        }
        List<Leaf> leaves = new ArrayList<>();
        walk(tree, new ArrayList<>(), leaves);
        return new SopsDocument(file, text, leaves, metadata(file, sops));
    }

    private static Metadata metadata(String file, Map<String, Object> sops) {
        if (sops.get("key_groups") != null || sops.get("shamir_threshold") != null) {
            throw invalid(file, "uses SOPS key groups, which Plumbline does not read; encrypt it to age or KMS keys");
        }
        String mac = text(sops.get("mac"));
        String lastModified = text(sops.get("lastmodified"));
        if (mac == null || lastModified == null) {
            throw invalid(file, "has no " + (mac == null ? "mac" : "lastmodified") + " in its sops metadata: "
                    + "not a complete SOPS file");
        }
        if (sops.get("unencrypted_comment_regex") != null || sops.get("encrypted_comment_regex") != null) {
            throw invalid(file, "selects values by comments, which Plumbline does not read");
        }
        List<MasterKey> keys = new ArrayList<>();
        for (Map<String, Object> age : list(sops.get("age"))) {
            keys.add(new MasterKey("age", text(age.get("recipient")), text(age.get("enc")), Map.of()));
        }
        for (Map<String, Object> kms : list(sops.get("kms"))) {
            Map<String, String> context = new TreeMap<>();
            if (kms.get("context") instanceof Map<?, ?> c) {
                c.forEach((k, v) -> context.put(String.valueOf(k), String.valueOf(v)));
            }
            keys.add(new MasterKey("kms", text(kms.get("arn")), text(kms.get("enc")), context));
        }
        if (keys.isEmpty() || keys.stream().anyMatch(k -> k.id() == null || k.enc() == null)) {
            throw invalid(file, "has no age or KMS key that can decrypt it (PGP, GCP, Azure and Vault keys are not "
                    + "read)");
        }
        return new Metadata(mac, lastModified, keys, text(sops.get("unencrypted_suffix")),
                text(sops.get("encrypted_suffix")), text(sops.get("unencrypted_regex")),
                text(sops.get("encrypted_regex")), Boolean.parseBoolean(String.valueOf(sops.get("mac_only_encrypted"))));
    }

    @SuppressWarnings("unchecked")
    private static void walk(Object node, List<String> path, List<Leaf> out) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                List<String> child = new ArrayList<>(path);
                child.add(String.valueOf(e.getKey()));
                walk(e.getValue(), child, out);
            }
        } else if (node instanceof List<?> items) {
            items.forEach(item -> walk(item, path, out));
        } else {
            out.add(new Leaf(List.copyOf(path), node));
        }
    }

    private static Map<String, Object> yaml(String file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setCodePointLimit(MAX_CHARS * 4);
        try {
            Object doc = new Yaml(new SafeConstructor(options)).load(text);
            if (doc instanceof Map<?, ?> m) {
                return strings(m);
            }
        } catch (YAMLException e) {
            throw invalid(file, "is not YAML SOPS can have written (" + firstLine(e.getMessage()) + ")");
        }
        throw invalid(file, "is not a YAML mapping");
    }

    private static Map<String, Object> json(String file, String text) {
        try {
            Object doc = new ObjectMapper().readValue(text, Object.class);
            if (doc instanceof Map<?, ?> m) {
                return strings(m);
            }
        } catch (JsonProcessingException e) {
            throw invalid(file, "is not JSON (" + firstLine(e.getOriginalMessage()) + ")");
        }
        throw invalid(file, "is not a JSON object");
    }

    /** {@code KEY=value} lines, as SOPS writes dotenv files: {@code \n} inside a value stands for a newline. */
    private static Map<String, Object> dotenv(String file, String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException(List.of(new Problem(file, i + 1, 1, "",
                        "is not a dotenv line (KEY=value)")));
            }
            out.put(line.substring(0, eq), line.substring(eq + 1).replace("\\n", "\n"));
        }
        return out;
    }

    /** The {@code sops_…} keys of a dotenv file, taken out of the tree and made a metadata map again. */
    private static Map<String, Object> unflattenedSops(Map<String, Object> tree) {
        Map<String, Object> sops = new LinkedHashMap<>();
        boolean found = false;
        for (var it = tree.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Object> e = it.next();
            if (!e.getKey().startsWith("sops_")) {
                continue;
            }
            found = true;
            it.remove();
            put(sops, e.getKey().substring("sops_".length()), e.getValue());
        }
        return found ? sops : null;
    }

    /** {@code age__list_0__map_enc} = value, into {@code {age: [{enc: value}]}}. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> into, String flat, Object value) {
        int list = flat.indexOf("__list_");
        if (list < 0) {
            into.put(flat.replace("__map_", "."), value);
            return;
        }
        String name = flat.substring(0, list);
        String rest = flat.substring(list + "__list_".length());
        int end = rest.indexOf("__map_");
        int index = Integer.parseInt(end < 0 ? rest : rest.substring(0, end));
        List<Object> items = (List<Object>) into.computeIfAbsent(name, k -> new ArrayList<>());
        while (items.size() <= index) {
            items.add(new LinkedHashMap<String, Object>());
        }
        if (end >= 0) {
            String field = rest.substring(end + "__map_".length());
            Map<String, Object> item = (Map<String, Object>) items.get(index);
            int nested = field.indexOf("__map_");
            if (nested >= 0) {
                ((Map<String, Object>) item.computeIfAbsent(field.substring(0, nested), k -> new TreeMap<>()))
                        .put(field.substring(nested + "__map_".length()), value);
            } else {
                item.put(field, value);
            }
        }
    }

    private static Map<String, Object> strings(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object node) {
        if (!(node instanceof List<?> items)) {
            return List.of();
        }
        return items.stream().filter(i -> i instanceof Map<?, ?>).map(i -> strings((Map<?, ?>) i)).toList();
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static String firstLine(String s) {
        return s == null ? "unreadable" : s.lines().findFirst().orElse(s);
    }

    private static InvalidInputException invalid(String file, String message) {
        return new InvalidInputException(List.of(new Problem(file, 1, 1, "", message)));
    }
}
