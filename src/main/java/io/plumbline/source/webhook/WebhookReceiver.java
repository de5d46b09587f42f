package io.plumbline.source.webhook;

import io.plumbline.source.Secret;
import io.plumbline.source.webhook.WebhookRejectedException.Reason;
import java.util.Map;

/**
 * Turns one webhook delivery into a {@link WebhookEvent}: size first, then the signature, and only then the
 * JSON, so an unsigned or oversized body is never parsed. Thread-safe; one instance serves every host.
 *
 * <p>Given {@link Secret#NONE}, any delivery is accepted: the service passes it only when
 * {@code plumbline.webhooks.allow-unsigned} is set; otherwise a host without a secret has no endpoint at all.
 */
public final class WebhookReceiver {
    /** Large enough for a push of many commits, small enough to keep a flood of bodies cheap. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;

    private final int maxPayloadBytes;

    public WebhookReceiver() {
        this(DEFAULT_MAX_PAYLOAD_BYTES);
    }

    public WebhookReceiver(int maxPayloadBytes) {
        if (maxPayloadBytes <= 0) {
            throw new IllegalArgumentException("the payload size limit must be positive, not " + maxPayloadBytes);
        }
        this.maxPayloadBytes = maxPayloadBytes;
    }


    /**
     * Refuses a delivery by its declared {@code Content-Length}, before its body is read. A negative length
     * (not declared) passes; {@link #receive} checks the body itself.
     */
    public void checkDeclaredLength(long contentLength) throws WebhookRejectedException {
        if (contentLength > maxPayloadBytes) {
            throw new WebhookRejectedException(Reason.TOO_LARGE,
                    "payload of " + contentLength + " bytes exceeds the limit of " + maxPayloadBytes + " bytes");
        }
    }

    /**
     * Verifies and reads one delivery.
     *
     * @param host which endpoint received it
     * @param headers the request headers, names in any case (one value each)
     * @param body the raw body, exactly as received: signatures cover these bytes
     * @param secret the hook's secret, or {@link Secret#NONE} (or null) to accept unsigned deliveries
     * @throws WebhookRejectedException when it is too large, not signed with the secret, or malformed
     */
    public WebhookEvent receive(GitHost host, Map<String, String> headers, byte[] body, Secret secret)
            throws WebhookRejectedException {
        checkDeclaredLength(body.length);
        Headers named = new Headers(headers);
        Signatures.verify(host, named, body, secret);
        String event = named.first(host.eventHeaders()).orElseThrow(() -> Payload.malformed(
                "missing " + host.eventHeaders()[0] + " header naming the " + host + " event"));
        return switch (host) {
            case GITHUB, GITEA -> GitHubPayloads.parse(host, event, body);
            case GITLAB -> GitLabPayloads.parse(event, body);
            case BITBUCKET -> BitbucketPayloads.parse(event, body);
        };
    }
}
