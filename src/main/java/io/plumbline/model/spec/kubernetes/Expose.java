package io.plumbline.model.spec.kubernetes;

/**
 * @param type        {@code ClusterIP}, {@code NodePort} or {@code LoadBalancer}
 * @param serviceName the Service's name (defaults to the application name)
 * @param port        the Service port; the target port is the application port
 */
public record Expose(String type, String serviceName, Integer port, Integer nodePort) {
    public Expose {
        type = type == null ? "ClusterIP" : type;
    }
}
