package io.plumbline.source.webhook;

/** The Git hosts whose webhooks Plumbline understands; each signs and shapes its payloads its own way. */
public enum GitHost {
    GITHUB("GitHub", "X-GitHub-Event"),
    GITLAB("GitLab", "X-Gitlab-Event"),
    /** Gitea and its fork Forgejo, which send the same payloads under either header prefix. */
    GITEA("Gitea", "X-Gitea-Event", "X-Forgejo-Event"),
    BITBUCKET("Bitbucket", "X-Event-Key");

    private final String displayName;
    private final String[] eventHeaders;

    GitHost(String displayName, String... eventHeaders) {
        this.displayName = displayName;
        this.eventHeaders = eventHeaders;
    }

    /** The headers naming the event type, in order of preference. */
    String[] eventHeaders() {
        return eventHeaders.clone();
    }

    @Override
    public String toString() {
        return displayName;
    }
}
