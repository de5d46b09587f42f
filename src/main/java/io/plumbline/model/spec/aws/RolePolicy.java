package io.plumbline.model.spec.aws;

import java.util.Map;

/** An inline policy of a role: its name and its document, inline or from a repository file. */
public record RolePolicy(String name, Map<String, Object> document, String file) {
    /** The document as a source, the way trust policies give theirs. */
    public PolicySource source() {
        return new PolicySource(null, document, file);
    }
}
