package io.plumbline.model.spec.haproxy;

/**
 * The stats page; with {@code admin} its form can change server states; with {@code prometheus} HAProxy's own
 * exporter answers {@code /metrics} on the same address (what a migration's analysis may query, once scraped).
 */
public record Stats(String bind, String uri, Boolean admin, Boolean prometheus) {
    public Stats {
        uri = uri == null ? "/" : uri;
        admin = admin != null && admin;
        prometheus = prometheus != null && prometheus;
    }

    public Stats(String bind, String uri, Boolean admin) {
        this(bind, uri, admin, null);
    }
}
