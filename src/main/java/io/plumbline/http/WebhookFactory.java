package io.plumbline.http;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.plumbline.source.Secret;
import io.plumbline.source.webhook.GitHost;
import io.plumbline.source.webhook.RateLimiter;
import io.plumbline.source.webhook.WebhookReceiver;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.util.Map;

/** The webhook endpoints' parts: payload reader, signature secrets, rate limiter. */
@Factory
public class WebhookFactory {

    @Singleton
    WebhookReceiver webhookReceiver() {
        return new WebhookReceiver();
    }

    @Singleton
    RateLimiter webhookRateLimiter(@Value("${plumbline.webhooks.per-minute:60}") int perMinute) {
        return RateLimiter.perMinute(perMinute, Math.max(1, perMinute / 3), InstantSource.system());
    }

    @Singleton
    WebhookSecrets webhookSecrets(@Value("${plumbline.webhooks.github.secret:}") String github,
                                  @Value("${plumbline.webhooks.gitlab.secret:}") String gitlab,
                                  @Value("${plumbline.webhooks.gitea.secret:}") String gitea,
                                  @Value("${plumbline.webhooks.bitbucket.secret:}") String bitbucket) {
        return new WebhookSecrets(Map.of(GitHost.GITHUB, new Secret(github), GitHost.GITLAB, new Secret(gitlab),
                GitHost.GITEA, new Secret(gitea), GitHost.BITBUCKET, new Secret(bitbucket)));
    }
}
