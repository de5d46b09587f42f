package io.plumbline.importer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment file an import writes: a header saying what it was read from, a {@code sync} that deletes
 * nothing ({@code prune: false}) until the team has reviewed the file and its first plan, and
 * each provider's section.
 */
public final class EnvironmentFile {
    private EnvironmentFile() {
    }

    /**
     * @param name    the environment's {@code metadata.name}
     * @param from    what was read, for the header ({@code kubernetes namespaces shop, billing})
     * @param parts   each provider's section, in the order written
     */
    public static String text(String name, List<String> from, List<ImportedPart> parts) {
        StringBuilder out = new StringBuilder();
        out.append("# Imported by `plumbline import` from live state:\n");
        from.forEach(f -> out.append("#   ").append(f).append('\n'));
        out.append("# Every object is marked for adoption; review the file and its first plan, then commit it.\n");
        out.append("# prune starts false: nothing is deleted until the team turns it on.\n");
        Map<String, Object> spec = new LinkedHashMap<>();
        Map<String, Object> sync = new LinkedHashMap<>();
        sync.put("mode", "auto");
        sync.put("prune", false);
        spec.put("sync", sync);
        for (ImportedPart part : parts) {
            spec.put(part.key(), new Commented(part.comment(), part.section()));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("apiVersion", "plumbline/v1");
        document.put("kind", "Environment");
        document.put("metadata", Map.of("name", name));
        document.put("spec", spec);
        return out.append(YamlText.document(document)).toString();
    }
}
