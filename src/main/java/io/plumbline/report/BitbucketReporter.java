package io.plumbline.report;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bitbucket's build statuses, Cloud ({@code POST /2.0/repositories/{workspace}/{slug}/commit/{sha}/statuses/build})
 * and Server/Data Center ({@code POST /rest/build-status/1.0/commits/{sha}}), both with the body
 * {@code {key, state, name, url, description}}. The context is the key (at most 40 characters, see {@link #key})
 * and the name; the URL is required by both, so statuses without a link get the configured default link.
 * States: PENDING → INPROGRESS, SUCCESS → SUCCESSFUL, FAILURE and ERROR → FAILED (STOPPED means cancelled).
 */
public final class BitbucketReporter implements StatusReporter {
    static final int MAX_KEY = 40;
    private final String host;
    private final String commitsUrl;
    private final String suffix;
    private final Map<String, String> headers;
    private final String defaultUrl;
    private final HttpPoster poster;

    private BitbucketReporter(String host, String commitsUrl, String suffix, String authorization, String defaultUrl,
                              Token token, Timeouts timeouts, Clock clock) {
        if (defaultUrl == null || defaultUrl.isBlank()) {
            throw new IllegalArgumentException(host + " requires a link on every status: set a target URL");
        }
        this.host = host;
        this.commitsUrl = commitsUrl;
        this.suffix = suffix;
        this.headers = Map.of("Authorization", authorization, "Accept", "application/json");
        this.defaultUrl = defaultUrl.strip();
        this.poster = new HttpPoster(host, timeouts, token, clock);
    }

    /**
     * @param apiUrl {@code https://api.bitbucket.org}
     * @param token  an access token (sent as Bearer), or {@code username:app-password} (sent as Basic)
     */
    public static BitbucketReporter cloud(String apiUrl, RepositoryPath repository, Token token, String defaultUrl,
                                          Timeouts timeouts, Clock clock) {
        String authorization = token.value().contains(":")
                ? "Basic " + Base64.getEncoder().encodeToString(token.value().getBytes(StandardCharsets.UTF_8))
                : "Bearer " + token.value();
        return new BitbucketReporter("bitbucket-cloud", Urls.base(apiUrl) + "/2.0/repositories/"
                + repository.ownerAndName() + "/commit/", "/statuses/build", authorization, defaultUrl, token,
                timeouts, clock);
    }

    /** @param baseUrl the server's root, e.g. {@code https://bitbucket.example.com} */
    public static BitbucketReporter server(String baseUrl, Token token, String defaultUrl, Timeouts timeouts,
                                           Clock clock) {
        return new BitbucketReporter("bitbucket-server", Urls.base(baseUrl) + "/rest/build-status/1.0/commits/", "",
                "Bearer " + token.value(), defaultUrl, token, timeouts, clock);
    }

    static String state(CommitStatus.State state) {
        return switch (state) {
            case PENDING -> "INPROGRESS";
            case SUCCESS -> "SUCCESSFUL";
            case FAILURE, ERROR -> "FAILED";
        };
    }

    /**
     * The context when it fits in 40 characters; otherwise its first 31 characters, a dash and 8 hex digits of
     * its SHA-256, so long environment names keep distinct, stable keys.
     */
    static String key(String context) {
        if (context.length() <= MAX_KEY) {
            return context;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(context.getBytes(StandardCharsets.UTF_8));
            return context.substring(0, MAX_KEY - 9) + "-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public void post(CommitStatus status) throws StatusException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key(status.context()));
        body.put("state", state(status.state()));
        body.put("name", status.context());
        body.put("url", status.targetUrl() == null ? defaultUrl : status.targetUrl());
        body.put("description", status.description());
        poster.check(poster.postJson(URI.create(commitsUrl + status.commit() + suffix), headers, body));
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public String toString() {
        return host + " build statuses at " + commitsUrl;
    }
}
