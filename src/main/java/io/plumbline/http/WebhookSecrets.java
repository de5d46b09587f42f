package io.plumbline.http;

import io.plumbline.source.Secret;
import io.plumbline.source.webhook.GitHost;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The secret each host signs its deliveries with. A host without a secret has no hook endpoint, unless
 * {@code allowUnsigned} is set (trusted networks only): then its deliveries are accepted unsigned.
 */
public record WebhookSecrets(Map<GitHost, Secret> secrets, boolean allowUnsigned) {
    public WebhookSecrets {
        secrets = new EnumMap<>(secrets);
    }

    /** The secret to check {@code host}'s deliveries with ({@link Secret#NONE}: unsigned), or empty: no endpoint. */
    public Optional<Secret> of(GitHost host) {
        Secret secret = secrets.getOrDefault(host, Secret.NONE);
        return secret.isPresent() || allowUnsigned ? Optional.of(secret) : Optional.empty();
    }
}
