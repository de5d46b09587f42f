package io.plumbline.report;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where statuses go, as named by {@code plumbline.status.host}. */
public enum StatusHost {
    GITHUB("github", "https://api.github.com"),
    GITLAB("gitlab", "https://gitlab.com"),
    GITEA("gitea", null),
    BITBUCKET_CLOUD("bitbucket-cloud", "https://api.bitbucket.org"),
    BITBUCKET_SERVER("bitbucket-server", null),
    NOTES("notes", null);

    private final String id;
    private final String defaultApiUrl;

    StatusHost(String id, String defaultApiUrl) {
        this.id = id;
        this.defaultApiUrl = defaultApiUrl;
    }

    public String id() {
        return id;
    }

    /** The public service's API, or null when the host is self-hosted and the URL must be given. */
    public String defaultApiUrl() {
        return defaultApiUrl;
    }

    public static StatusHost parse(String value) {
        String v = value == null || value.isBlank() ? NOTES.id : value.strip().toLowerCase();
        return Arrays.stream(values()).filter(h -> h.id.equals(v)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("plumbline.status.host: unknown host '" + v
                        + "'; valid: " + Arrays.stream(values()).map(StatusHost::id).collect(Collectors.joining(", "))));
    }
}
