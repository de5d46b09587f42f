package io.plumbline.source.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plumbline.source.webhook.WebhookRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Oversized, malformed and incomplete deliveries get a clear refusal, never a stack trace or a secret. */
class WebhookLimitsTest {
    private final WebhookReceiver receiver = new WebhookReceiver();

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItsSignatureIsChecked() {
        byte[] body = new byte[WebhookReceiver.DEFAULT_MAX_PAYLOAD_BYTES + 1];
        Arrays.fill(body, (byte) ' ');

        WebhookRejectedException rejected = rejection(GitHost.GITHUB, "push", body);

        assertThat(rejected.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(rejected.httpStatus()).isEqualTo(413);
        assertThat(rejected).hasMessage("payload of 1048577 bytes exceeds the limit of 1048576 bytes");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() {
        WebhookReceiver small = new WebhookReceiver(2048);

        assertThatCode(() -> small.checkDeclaredLength(2048)).doesNotThrowAnyException();
        assertThatCode(() -> small.checkDeclaredLength(-1)).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(WebhookRejectedException.class, () -> small.checkDeclaredLength(2049))
                .reason()).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void aBodyAtTheLimitIsRead() throws Exception {
        byte[] push = Deliveries.fixture("github/push.json");
        WebhookReceiver exact = new WebhookReceiver(push.length);

        assertThat(exact.receive(GitHost.GITHUB, signed(GitHost.GITHUB, "push", push), push, Deliveries.SECRET))
                .isInstanceOf(WebhookEvent.Push.class);
    }

    @Test
    void malformedJsonNamesWhereItBroke() {
        byte[] body = bytes("{\"ref\": \"refs/heads/main\",\n  after");

        WebhookRejectedException rejected = rejection(GitHost.GITHUB, "push", body);

        assertThat(rejected.httpStatus()).isEqualTo(400);
        assertThat(rejected).hasMessageStartingWith("GitHub 'push' payload is not valid JSON (line 2, column");
    }

    @Test
    void jsonThatIsNotAnObjectIsRefused() {
        assertThat(rejection(GitHost.GITEA, "push", bytes("[1, 2]")))
                .hasMessage("Gitea 'push' payload is not a JSON object");
        assertThat(rejection(GitHost.GITEA, "push", bytes("")))
                .hasMessage("Gitea 'push' payload is not a JSON object");
    }

    @Test
    void trailingContentAndDuplicateKeysAreRefused() {
        assertThat(rejection(GitHost.GITHUB, "push", bytes("{} {}")).reason()).isEqualTo(Reason.MALFORMED);
        assertThat(rejection(GitHost.GITHUB, "push", bytes("{\"ref\": \"a\", \"ref\": \"b\"}")).reason())
                .isEqualTo(Reason.MALFORMED);
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        byte[] deep = bytes("{\"a\":".repeat(500) + "1" + "}".repeat(500));

        assertThat(rejection(GitHost.GITLAB, "Push Hook", deep).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void aMissingFieldIsNamed() {
        assertThat(rejection(GitHost.GITHUB, "pull_request", bytes("{\"action\": \"opened\", \"number\": 4,"
                + " \"repository\": {\"full_name\": \"o/r\"}, \"pull_request\": {\"head\": {\"ref\": \"x\"}}}")))
                .hasMessage("GitHub 'pull_request' payload has no 'pull_request.head.sha'");
        assertThat(rejection(GitHost.BITBUCKET, "repo:push", bytes("{\"push\": {}}")))
                .hasMessage("Bitbucket 'repo:push' payload has no list at 'push.changes'");
        assertThat(rejection(GitHost.GITLAB, "Merge Request Hook", bytes("{\"object_attributes\":"
                + " {\"action\": \"open\", \"iid\": \"seven\"}, \"project\": {\"path_with_namespace\": \"p/i\"}}")))
                .hasMessage("GitLab 'Merge Request Hook' payload has no whole number at 'object_attributes.iid'");
    }

    @Test
    void aMissingEventHeaderIsRefused() {
        byte[] body = Deliveries.fixture("gitlab/push.json");

        WebhookRejectedException rejected = catchThrowableOfType(WebhookRejectedException.class,
                () -> receiver.receive(GitHost.GITLAB, Map.of("X-Gitlab-Token", Deliveries.SECRET.value()), body,
                        Deliveries.SECRET));

        assertThat(rejected.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(rejected).hasMessage("missing X-Gitlab-Event header naming the GitLab event");
    }

    @Test
    void theLimitMustBePositive() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new WebhookReceiver(0)))
                .hasMessageContaining("must be positive");
    }

    private WebhookRejectedException rejection(GitHost host, String event, byte[] body) {
        WebhookRejectedException rejected = catchThrowableOfType(WebhookRejectedException.class,
                () -> receiver.receive(host, signed(host, event, body), body, Deliveries.SECRET));
        assertThat(rejected).as("rejected").isNotNull();
        assertThat(rejected.getMessage()).doesNotContain(Deliveries.SECRET.value());
        assertThat(rejected.getStackTrace()).isEmpty();
        return rejected;
    }

    private static Map<String, String> signed(GitHost host, String event, byte[] body) {
        return Deliveries.signed(host, event, body, Deliveries.SECRET.value());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
