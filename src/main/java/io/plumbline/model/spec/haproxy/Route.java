package io.plumbline.model.spec.haproxy;

/** Send requests matching {@code host} and/or the path prefix {@code path} to {@code backend}. */
public record Route(String backend, String host, String path) {
}
