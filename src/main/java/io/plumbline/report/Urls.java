package io.plumbline.report;

import java.net.URI;

/** Checks a configured API base URL and drops its trailing slash. */
final class Urls {
    private Urls() {
    }

    static String base(String url) {
        String u = url == null ? "" : url.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("API URL is not a URL: '" + u + "'");
        }
        if (uri.getUserInfo() != null) {
            // not echoed: the user part may hold a token
            throw new IllegalArgumentException("API URL must not carry credentials; give the token separately");
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null) {
            throw new IllegalArgumentException("API URL must be http(s)://host[:port][/path], got: '" + u + "'");
        }
        return u;
    }
}
