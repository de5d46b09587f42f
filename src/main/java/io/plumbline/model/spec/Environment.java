package io.plumbline.model.spec;

/** One environment file, as declared: {@code apiVersion: plumbline/v1, kind: Environment}. */
public record Environment(String apiVersion, String kind, Metadata metadata, EnvironmentSpec spec) {

    public String name() {
        return metadata.name();
    }
}
