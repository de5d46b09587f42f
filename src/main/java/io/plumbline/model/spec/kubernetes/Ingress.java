package io.plumbline.model.spec.kubernetes;

/** An Ingress rule sending {@code host}{@code path} to the application's Service. */
public record Ingress(String host, String path, String className, String tlsSecret) {
    public Ingress {
        path = path == null ? "/" : path;
    }
}
