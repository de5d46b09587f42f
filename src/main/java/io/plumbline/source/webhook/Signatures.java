package io.plumbline.source.webhook;

import io.plumbline.source.Secret;
import io.plumbline.source.webhook.WebhookRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a delivery comes from the host that knows the webhook secret. Every comparison runs in constant
 * time, and no message repeats what was received or what was expected.
 */
final class Signatures {
    private static final String HMAC = "HmacSHA256";
    private static final String SHA256_PREFIX = "sha256=";

    private Signatures() {
    }

    /**
     * Rejects the delivery unless it carries a valid signature (GitLab: the token itself). Without a configured
     * secret every delivery is accepted, which is only safe when the endpoint is reachable from trusted networks.
     */
    static void verify(GitHost host, Headers headers, byte[] body, Secret secret) throws WebhookRejectedException {
        if (secret == null || !secret.isPresent()) {
            return;
        }
        switch (host) {
            case GITHUB -> hmac(headers, body, secret, SHA256_PREFIX, "X-Hub-Signature-256");
            case BITBUCKET -> hmac(headers, body, secret, SHA256_PREFIX, "X-Hub-Signature");
            case GITEA -> hmac(headers, body, secret, "", "X-Gitea-Signature", "X-Forgejo-Signature");
            case GITLAB -> token(headers, secret);
        }
    }

    private static void hmac(Headers headers, byte[] body, Secret secret, String prefix, String... names)
            throws WebhookRejectedException {
        String header = names[0];
        String value = headers.first(names).orElseThrow(() -> missing(header));
        if (!value.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw rejected(header + " must be the hex HMAC-SHA256 of the payload"
                    + (prefix.isEmpty() ? "" : ", prefixed with '" + prefix + "'"));
        }
        byte[] received;
        try {
            received = HexFormat.of().parseHex(value.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            throw rejected(header + " is not a hex HMAC-SHA256");
        }
        if (!MessageDigest.isEqual(received, sign(body, secret))) {
            throw rejected(header + " does not match the payload signed with the configured secret");
        }
    }

    // Comparing digests of both tokens keeps the comparison constant-time even in the token's length.
    private static void token(Headers headers, Secret secret) throws WebhookRejectedException {
        String header = "X-Gitlab-Token";
        String value = headers.first(header).orElseThrow(() -> missing(header));
        if (!MessageDigest.isEqual(sha256(value), sha256(secret.value()))) {
            throw rejected(header + " does not match the configured secret");
        }
    }

    private static byte[] sign(byte[] body, Secret secret) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.value().getBytes(StandardCharsets.UTF_8), HMAC));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no " + HMAC, e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no SHA-256", e);
        }
    }

    private static WebhookRejectedException missing(String header) {
        return rejected("missing " + header + " header; a secret is configured for this hook");
    }

    private static WebhookRejectedException rejected(String message) {
        return new WebhookRejectedException(Reason.UNAUTHORIZED, message);
    }
}
