package io.plumbline.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.plumbline.engine.Engine;
import io.plumbline.source.GitSettings;
import io.plumbline.source.Secret;
import io.plumbline.source.webhook.GitHost;
import io.plumbline.source.webhook.RateLimiter;
import io.plumbline.source.webhook.Replays;
import io.plumbline.source.webhook.WebhookEvent;
import io.plumbline.source.webhook.WebhookReceiver;
import io.plumbline.source.webhook.WebhookRejectedException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /hooks/github|gitlab|gitea|forgejo|bitbucket}: a verified push to the environment branch, or a
 * pull-request change, makes the engine fetch at once. A host without a configured secret has no endpoint (404)
 * unless {@code plumbline.webhooks.allow-unsigned} is set; deliveries are rate-limited per sender address, and a
 * signed delivery accepted once is refused when sent again (409).
 */
@Controller("/hooks")
public class WebhookController {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);

    private final Engine engine;
    private final WebhookReceiver receiver;
    private final WebhookSecrets secrets;
    private final RateLimiter limiter;
    private final Replays replays;
    private final String branch;

    public WebhookController(Engine engine, WebhookReceiver receiver, WebhookSecrets secrets, RateLimiter limiter,
                             Replays replays, GitSettings git) {
        this.engine = engine;
        this.receiver = receiver;
        this.secrets = secrets;
        this.limiter = limiter;
        this.replays = replays;
        this.branch = git.branch();
    }

    @Post(uri = "/{host}", consumes = MediaType.ALL)
    public HttpResponse<Map<String, String>> receive(@PathVariable String host, HttpRequest<?> request,
                                                     @Body byte[] body) {
        GitHost gitHost = host(host);
        Optional<Secret> secret = gitHost == null ? Optional.empty() : secrets.of(gitHost);
        if (secret.isEmpty()) {
            return HttpResponse.<Map<String, String>>notFound().body(Map.of("error", "no webhook for host " + host));
        }
        String sender = request.getRemoteAddress().getAddress().getHostAddress();
        RateLimiter.Permit permit = limiter.acquire(sender);
        if (!permit.granted()) {
            return HttpResponse.<Map<String, String>>status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", String.valueOf(Math.max(1, permit.retryAfter().toSeconds())))
                    .body(Map.of("error", "too many deliveries; retry later"));
        }
        try {
            receiver.checkDeclaredLength(request.getContentLength());
            byte[] bytes = body == null ? new byte[0] : body;
            WebhookEvent event = receiver.receive(gitHost, headers(request), bytes, secret.get());
            if (secret.get().isPresent()) {
                replays.accept(gitHost, bytes);
            }
            return handle(event);
        } catch (WebhookRejectedException e) {
            LOG.warn("{} webhook from {} refused: {}", gitHost, sender, e.getMessage());
            return HttpResponse.<Map<String, String>>status(HttpStatus.valueOf(e.httpStatus()))
                    .body(Map.of("error", e.getMessage()));
        }
    }

    private HttpResponse<Map<String, String>> handle(WebhookEvent event) {
        if (event instanceof WebhookEvent.Push push
                && push.heads().stream().anyMatch(h -> h.branch().equals(branch))) {
            engine.wake();
            return HttpResponse.accepted().body(Map.of("status", "fetching " + branch));
        }
        if (event instanceof WebhookEvent.PullRequest pr && pr.action() != WebhookEvent.PullRequestAction.CLOSED) {
            engine.wake();
            return HttpResponse.accepted().body(Map.of("status", "planning pull request " + pr.number()));
        }
        String why = event instanceof WebhookEvent.Ignored ignored ? ignored.reason()
                : event instanceof WebhookEvent.Ping ? "pong" : "nothing to do for this event";
        return HttpResponse.ok(Map.of("status", why));
    }

    private static GitHost host(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "github" -> GitHost.GITHUB;
            case "gitlab" -> GitHost.GITLAB;
            case "gitea", "forgejo" -> GitHost.GITEA;
            case "bitbucket" -> GitHost.BITBUCKET;
            default -> null;
        };
    }

    private static Map<String, String> headers(HttpRequest<?> request) {
        Map<String, String> headers = new HashMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name, values.isEmpty() ? "" : values.get(0)));
        return headers;
    }
}
