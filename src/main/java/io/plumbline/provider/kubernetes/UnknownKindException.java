package io.plumbline.provider.kubernetes;

/** The API server does not serve a kind: its CustomResourceDefinition is missing, or the name is wrong. */
final class UnknownKindException extends RuntimeException {
    private final String apiVersion;
    private final String kind;

    UnknownKindException(String apiVersion, String kind) {
        super("the API server does not serve kind " + kind + " of " + apiVersion + " (group "
                + (apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "core")
                + ", version " + apiVersion.substring(apiVersion.indexOf('/') + 1)
                + "): is its CustomResourceDefinition installed, or declared in this environment?");
        this.apiVersion = apiVersion;
        this.kind = kind;
    }

    /** {@code group/version/Kind}, as a {@link io.plumbline.model.ResourceKey}'s kind spells it. */
    String qualifiedKind() {
        return apiVersion + "/" + kind;
    }
}
