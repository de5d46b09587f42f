package io.plumbline.importer;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one provider read of live state, ready to be written: its section of {@code spec} and the files the section
 * names (IAM policy documents, raw manifests), by their path in the repository.
 *
 * @param key      the section's key under {@code spec}: {@code aws}, {@code kubernetes} or {@code haproxy}
 * @param comment  where the section was read from, written above it
 * @param section  the section as ordered maps, lists, scalars and {@link Commented} values
 * @param files    repository path to content, each written beside the environment file
 * @param counts   kind to how many objects of it were imported, for the report and the benchmark
 * @param leftOut  what was read but not written, and why
 */
public record ImportedPart(String key, String comment, Map<String, Object> section, Map<String, String> files,
                           Map<String, Integer> counts, List<LeftOut> leftOut) {
    public ImportedPart {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
        counts = Collections.unmodifiableMap(new TreeMap<>(counts));
        leftOut = List.copyOf(leftOut);
    }
}
