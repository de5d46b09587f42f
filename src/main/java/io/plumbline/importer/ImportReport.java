package io.plumbline.importer;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What an import wrote (objects per kind, files) and what it left out and why, as a person reads it. */
public final class ImportReport {
    private ImportReport() {
    }

    /** Objects imported per kind over every part ({@code kubernetes Deployment} → 3). */
    public static Map<String, Integer> counts(List<ImportedPart> parts) {
        Map<String, Integer> out = new TreeMap<>();
        parts.forEach(p -> p.counts().forEach((kind, n) -> out.merge(p.key() + " " + kind, n, Integer::sum)));
        return out;
    }

    public static String text(String environmentFile, List<String> written, List<ImportedPart> parts) {
        StringBuilder out = new StringBuilder("Imported into ").append(environmentFile).append(":\n");
        counts(parts).forEach((kind, n) -> out.append("  ").append(kind).append(": ").append(n).append('\n'));
        if (!written.isEmpty()) {
            out.append("Files written beside it:\n");
            written.forEach(f -> out.append("  ").append(f).append('\n'));
        }
        List<LeftOut> left = parts.stream().flatMap(p -> p.leftOut().stream()).toList();
        if (left.isEmpty()) {
            out.append("Nothing was left out.\n");
        } else {
            out.append("Left out (").append(left.size()).append("):\n");
            left.forEach(l -> out.append("  ").append(l).append('\n'));
        }
        return out.toString();
    }
}
