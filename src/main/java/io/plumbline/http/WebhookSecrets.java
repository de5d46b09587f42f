package io.plumbline.http;

import io.plumbline.source.Secret;
import io.plumbline.source.webhook.GitHost;
import java.util.EnumMap;
import java.util.Map;

/** The secret each host signs its deliveries with; {@link Secret#NONE} accepts unsigned ones (trusted networks only). */
public record WebhookSecrets(Map<GitHost, Secret> secrets) {
    public WebhookSecrets {
        secrets = new EnumMap<>(secrets);
    }

    public Secret of(GitHost host) {
        return secrets.getOrDefault(host, Secret.NONE);
    }
}
