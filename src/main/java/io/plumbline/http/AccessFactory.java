package io.plumbline.http;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.plumbline.source.Secret;
import io.plumbline.source.webhook.GitHost;
import io.plumbline.source.webhook.RateLimiter;
import io.plumbline.source.webhook.Replays;
import io.plumbline.source.webhook.WebhookReceiver;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Who may make the service act: API tokens, webhook secrets, and the webhook payload reader and rate limiter. */
@Factory
public class AccessFactory {
    private static final Logger LOG = LoggerFactory.getLogger(AccessFactory.class);

    /**
     * {@code plumbline.api.agent-tokens} is a list of {@code host:token}, one token for each proxy host's agent.
     * Built when the service starts, so a malformed entry stops it at once rather than at the first request.
     */
    @Context
    ApiTokens apiTokens(@Value("${plumbline.api.read-tokens:}") List<String> read,
                        @Value("${plumbline.api.write-tokens:}") List<String> write,
                        @Value("${plumbline.api.agent-tokens:}") List<String> agents) {
        return new ApiTokens(read.stream().map(Secret::new).toList(), write.stream().map(Secret::new).toList(),
                AgentTokens.parse(agents));
    }

    @Singleton
    WebhookReceiver webhookReceiver() {
        return new WebhookReceiver();
    }

    @Singleton
    Replays webhookReplays() {
        return new Replays();
    }

    @Singleton
    RateLimiter webhookRateLimiter(@Value("${plumbline.webhooks.per-minute:60}") int perMinute) {
        return RateLimiter.perMinute(perMinute, Math.max(1, perMinute / 3), InstantSource.system());
    }

    @Singleton
    WebhookSecrets webhookSecrets(@Value("${plumbline.webhooks.github.secret:}") String github,
                                  @Value("${plumbline.webhooks.gitlab.secret:}") String gitlab,
                                  @Value("${plumbline.webhooks.gitea.secret:}") String gitea,
                                  @Value("${plumbline.webhooks.bitbucket.secret:}") String bitbucket,
                                  @Value("${plumbline.webhooks.allow-unsigned:false}") boolean allowUnsigned) {
        if (allowUnsigned) {
            LOG.warn("plumbline.webhooks.allow-unsigned is set: hooks without a secret accept unsigned deliveries "
                    + "from anyone who can reach this service");
        }
        return new WebhookSecrets(Map.of(GitHost.GITHUB, new Secret(github), GitHost.GITLAB, new Secret(gitlab),
                GitHost.GITEA, new Secret(gitea), GitHost.BITBUCKET, new Secret(bitbucket)), allowUnsigned);
    }
}
