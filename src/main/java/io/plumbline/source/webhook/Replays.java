package io.plumbline.source.webhook;

import io.plumbline.source.webhook.WebhookRejectedException.Reason;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refuses a signed delivery received before. A captured delivery stays validly signed forever (no host signs a
 * time), so one sent again is known by its body: the signature covers the body, so a replayer who changes a byte
 * of it, or only a header such as the delivery id, no longer passes {@link WebhookReceiver#receive} or is refused
 * here. Genuine events differ in their bodies (commits, times, actions). Only accepted deliveries are remembered,
 * so a host retrying one that failed is still heard; the memory is bounded, oldest forgotten first. Thread-safe.
 */
public final class Replays {
    /** Far more deliveries than a host retries within its redelivery window. */
    public static final int DEFAULT_REMEMBERED = 10_000;

    private final Map<String, Boolean> seen;

    public Replays() {
        this(DEFAULT_REMEMBERED);
    }

    public Replays(int remembered) {
        if (remembered <= 0) {
            throw new IllegalArgumentException("the number of remembered deliveries must be positive");
        }
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > remembered;
            }
        };
    }

    /** Remembers a delivery {@link WebhookReceiver#receive} accepted; throws if it was accepted before. */
    public void accept(GitHost host, byte[] body) throws WebhookRejectedException {
        String key = host.name() + ":" + HexFormat.of().formatHex(sha256(body));
        synchronized (seen) {
            if (seen.putIfAbsent(key, Boolean.TRUE) != null) {
                throw new WebhookRejectedException(Reason.REPLAYED,
                        "this " + host + " delivery was already received; a replayed delivery is not acted upon");
            }
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no SHA-256", e);
        }
    }
}
