package io.plumbline.source.webhook;

import io.plumbline.source.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Webhook deliveries as each host sends them: fixture bodies, event headers and signatures. */
final class Deliveries {
    static final Secret SECRET = new Secret("It's a Secret to Everybody");

    private Deliveries() {
    }

    /** A payload under {@code src/test/resources/webhooks/}, e.g. {@code github/push.json}. */
    static byte[] fixture(String path) {
        try (InputStream in = Deliveries.class.getResourceAsStream("/webhooks/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture webhooks/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String hmacSha256Hex(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The headers the host sends with an unsigned delivery of {@code event}. */
    static Map<String, String> unsigned(GitHost host, String event) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(switch (host) {
            case GITHUB -> "X-GitHub-Event";
            case GITLAB -> "X-Gitlab-Event";
            case GITEA -> "X-Gitea-Event";
            case BITBUCKET -> "X-Event-Key";
        }, event);
        return headers;
    }

    /** The headers the host sends with {@code body} when the hook's secret is {@code secret}. */
    static Map<String, String> signed(GitHost host, String event, byte[] body, String secret) {
        Map<String, String> headers = unsigned(host, event);
        headers.put(signatureHeader(host), switch (host) {
            case GITHUB, BITBUCKET -> "sha256=" + hmacSha256Hex(body, secret);
            case GITEA -> hmacSha256Hex(body, secret);
            case GITLAB -> secret;
        });
        return headers;
    }

    static String signatureHeader(GitHost host) {
        return switch (host) {
            case GITHUB -> "X-Hub-Signature-256";
            case GITLAB -> "X-Gitlab-Token";
            case GITEA -> "X-Gitea-Signature";
            case BITBUCKET -> "X-Hub-Signature";
        };
    }

    /** A push fixture and its event name, per host. */
    static Map.Entry<String, String> pushOf(GitHost host) {
        return switch (host) {
            case GITHUB -> Map.entry("github/push.json", "push");
            case GITLAB -> Map.entry("gitlab/push.json", "Push Hook");
            case GITEA -> Map.entry("gitea/push.json", "push");
            case BITBUCKET -> Map.entry("bitbucket/repo-push.json", "repo:push");
        };
    }
}
