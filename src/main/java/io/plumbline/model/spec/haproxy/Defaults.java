package io.plumbline.model.spec.haproxy;

/** Timeouts are durations ({@code 5s}); {@code mode} is {@code http} or {@code tcp}. */
public record Defaults(String mode, String connectTimeout, String clientTimeout, String serverTimeout,
                       Integer retries) {
    public Defaults {
        mode = mode == null ? "http" : mode;
        connectTimeout = connectTimeout == null ? "5s" : connectTimeout;
        clientTimeout = clientTimeout == null ? "30s" : clientTimeout;
        serverTimeout = serverTimeout == null ? "30s" : serverTimeout;
        retries = retries == null ? 3 : retries;
    }
}
