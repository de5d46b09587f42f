package io.plumbline.model.spec.haproxy;

/** An HTTP health check: {@code option httpchk <method> <path>} with a Host header. */
public record HealthCheck(String method, String path, String host, String interval, Integer rise, Integer fall) {
    public HealthCheck {
        method = method == null ? "GET" : method;
        path = path == null ? "/" : path;
    }
}
