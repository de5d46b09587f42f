package io.plumbline.model;

import io.plumbline.model.spec.SecretRef;
import java.util.Map;
import java.util.Optional;

/**
 * The secret references of an environment and what is known of each. Loading gives each reference its
 * fingerprint alone (of the reference and, for SOPS, of the encrypted text): that is all a plan of a pull request
 * ever sees. Only the apply path resolves them, adding the value and the version it came from.
 */
public final class SecretValues {
    /** Nothing declared. */
    public static final SecretValues NONE = new SecretValues(Map.of(), false);
    /** What a rendered object holds in place of what was not resolved: never written to a target. */
    public static final String UNRESOLVED = "plumbline:unresolved-secret";

    private final Map<SecretRef, Entry> entries;
    private final boolean resolved;

    private SecretValues(Map<SecretRef, Entry> entries, boolean resolved) {
        this.entries = Map.copyOf(entries);
        this.resolved = resolved;
    }

    /** The references as loaded, by their fingerprints. */
    public static SecretValues sealed(Map<SecretRef, String> fingerprints) {
        java.util.Map<SecretRef, Entry> out = new java.util.HashMap<>();
        fingerprints.forEach((ref, fp) -> out.put(ref, new Entry(fp, fp, null)));
        return new SecretValues(out, false);
    }

    /** Every reference resolved: {@code entries} holds one for each. */
    public static SecretValues resolved(Map<SecretRef, Entry> entries) {
        return new SecretValues(entries, true);
    }

    public boolean isResolved() {
        return resolved;
    }

    public Map<SecretRef, Entry> entries() {
        return entries;
    }

    public Optional<Entry> get(SecretRef ref) {
        return Optional.ofNullable(entries.get(ref));
    }

    /** Counts only: the entries themselves print nothing of their values either. */
    @Override
    public String toString() {
        return "SecretValues[" + entries.size() + (resolved ? " resolved]" : " sealed]");
    }

    /**
     * @param fingerprint {@code sha256:…} of the reference and the encrypted text: known without decrypting
     * @param version     what identifies the value at its source: AWS's version id, or the fingerprint for SOPS
     * @param value       the value; null until resolved
     */
    public record Entry(String fingerprint, String version, Sealed value) {
    }
}
