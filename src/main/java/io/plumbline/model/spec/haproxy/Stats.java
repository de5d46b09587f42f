package io.plumbline.model.spec.haproxy;

/** The stats page; with {@code admin} its form can change server states. */
public record Stats(String bind, String uri, Boolean admin) {
    public Stats {
        uri = uri == null ? "/" : uri;
        admin = admin != null && admin;
    }
}
