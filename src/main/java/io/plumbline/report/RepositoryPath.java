package io.plumbline.report;

/**
 * A repository on a host, as {@code owner/name} (GitHub, Gitea, Bitbucket Cloud's {@code workspace/slug})
 * or a GitLab project's full path or numeric id. Path segments are checked so nothing can escape the URL.
 */
public record RepositoryPath(String value) {
    private static final String SEGMENT = "[A-Za-z0-9._-]+";

    public RepositoryPath {
        value = value == null ? "" : value.strip().replaceAll("^/+|/+$", "");
        if (!value.matches(SEGMENT + "(/" + SEGMENT + ")*") || value.matches(".*(^|/)\\.\\.?(/|$).*")) {
            throw new IllegalArgumentException("repository must look like owner/name, got: '" + value + "'");
        }
    }

    /** {@code owner/name}, required by hosts that address a repository by exactly two segments. */
    String ownerAndName() {
        if (value.split("/").length != 2) {
            throw new IllegalArgumentException("repository must be owner/name (two segments), got: '" + value + "'");
        }
        return value;
    }

    /** The whole path as one URL-encoded segment, as GitLab addresses projects ({@code group%2Fproject}). */
    String encoded() {
        return value.replace("/", "%2F");
    }
}
