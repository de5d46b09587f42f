package io.plumbline.source.webhook;

import static io.plumbline.source.webhook.Deliveries.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plumbline.source.Secret;
import io.plumbline.source.webhook.WebhookEvent.Push;
import io.plumbline.source.webhook.WebhookRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each host's signature scheme, checked against signatures computed here with javax.crypto.Mac. */
class SignaturesTest {
    private final WebhookReceiver receiver = new WebhookReceiver();

    @ParameterizedTest
    @EnumSource(GitHost.class)
    void aDeliverySignedWithTheSecretIsAccepted(GitHost host) throws Exception {
        byte[] body = Deliveries.fixture(Deliveries.pushOf(host).getKey());
        String event = Deliveries.pushOf(host).getValue();

        WebhookEvent received = receiver.receive(host, Deliveries.signed(host, event, body, SECRET.value()), body,
                SECRET);

        assertThat(received).isInstanceOf(Push.class);
    }

    @ParameterizedTest
    @EnumSource(GitHost.class)
    void aMissingSignatureIsRejectedWhenASecretIsConfigured(GitHost host) {
        byte[] body = Deliveries.fixture(Deliveries.pushOf(host).getKey());

        WebhookRejectedException rejected = rejection(host, Deliveries.unsigned(host, pushEvent(host)), body);

        assertThat(rejected.httpStatus()).isEqualTo(401);
        assertThat(rejected).hasMessageContaining("missing " + Deliveries.signatureHeader(host));
    }

    @ParameterizedTest
    @EnumSource(GitHost.class)
    void aSignatureMadeWithAnotherSecretIsRejected(GitHost host) {
        byte[] body = Deliveries.fixture(Deliveries.pushOf(host).getKey());

        WebhookRejectedException rejected = rejection(host,
                Deliveries.signed(host, pushEvent(host), body, "guessed-secret"), body);

        assertThat(rejected.reason()).isEqualTo(Reason.UNAUTHORIZED);
        assertThat(rejected).hasMessageContaining("does not match");
        assertThat(rejected.getMessage()).doesNotContain(SECRET.value()).doesNotContain("guessed-secret");
    }

    @ParameterizedTest
    @EnumSource(value = GitHost.class, names = {"GITHUB", "GITEA", "BITBUCKET"})
    void aBodyChangedAfterSigningIsRejected(GitHost host) {
        byte[] body = Deliveries.fixture(Deliveries.pushOf(host).getKey());
        Map<String, String> headers = Deliveries.signed(host, pushEvent(host), body, SECRET.value());
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("main", "evil")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(rejection(host, headers, tampered).reason()).isEqualTo(Reason.UNAUTHORIZED);
    }

    @ParameterizedTest
    @EnumSource(value = GitHost.class, names = {"GITHUB", "GITEA", "BITBUCKET"})
    void aSignatureThatIsNotHexIsRejected(GitHost host) {
        byte[] body = Deliveries.fixture(Deliveries.pushOf(host).getKey());
        Map<String, String> headers = Deliveries.unsigned(host, pushEvent(host));
        headers.put(Deliveries.signatureHeader(host), (host == GitHost.GITEA ? "" : "sha256=") + "not-hex");

        assertThat(rejection(host, headers, body).reason()).isEqualTo(Reason.UNAUTHORIZED);
    }

    @Test
    void githubSha1SignaturesAreNotAccepted() {
        byte[] body = Deliveries.fixture("github/push.json");
        Map<String, String> headers = Deliveries.unsigned(GitHost.GITHUB, "push");
        headers.put("X-Hub-Signature-256", "sha1=" + Deliveries.hmacSha256Hex(body, SECRET.value()));

        assertThat(rejection(GitHost.GITHUB, headers, body)).hasMessageContaining("prefixed with 'sha256='");
    }

    @Test
    void matchesTheExampleInGitHubsDocumentation() {
        // GitHub documents this secret, payload and signature for testing an implementation.
        byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Deliveries.unsigned(GitHost.GITHUB, "ping");
        headers.put("X-Hub-Signature-256",
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");

        // accepted as signed, then refused only because the payload is not JSON
        assertThat(rejection(GitHost.GITHUB, headers, body).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void forgejoSignsUnderItsOwnHeaderNames() throws Exception {
        byte[] body = Deliveries.fixture("gitea/push.json");
        Map<String, String> headers = Map.of("X-Forgejo-Event", "push",
                "X-Forgejo-Signature", Deliveries.hmacSha256Hex(body, SECRET.value()));

        assertThat(receiver.receive(GitHost.GITEA, headers, body, SECRET)).isInstanceOf(Push.class);
    }

    @Test
    void headerNamesMatchInAnyCase() throws Exception {
        byte[] body = Deliveries.fixture("github/push.json");
        Map<String, String> headers = Map.of("x-github-event", "push",
                "x-hub-signature-256", "sha256=" + Deliveries.hmacSha256Hex(body, SECRET.value()));

        assertThat(receiver.receive(GitHost.GITHUB, headers, body, SECRET)).isInstanceOf(Push.class);
    }

    @Test
    void aGitLabTokenOfAnotherLengthIsRejected() {
        byte[] body = Deliveries.fixture("gitlab/push.json");
        Map<String, String> headers = Deliveries.signed(GitHost.GITLAB, "Push Hook", body, SECRET.value() + "!");

        assertThat(rejection(GitHost.GITLAB, headers, body).reason()).isEqualTo(Reason.UNAUTHORIZED);
    }

    @ParameterizedTest
    @EnumSource(GitHost.class)
    void withoutAConfiguredSecretUnsignedDeliveriesAreAccepted(GitHost host) throws Exception {
        byte[] body = Deliveries.fixture(Deliveries.pushOf(host).getKey());
        Map<String, String> headers = Deliveries.unsigned(host, pushEvent(host));

        assertThat(receiver.receive(host, headers, body, Secret.NONE)).isInstanceOf(Push.class);
        assertThat(receiver.receive(host, headers, body, null)).isInstanceOf(Push.class);
    }

    @Test
    void aRejectionCarriesNoStackTrace() {
        byte[] body = Deliveries.fixture("github/push.json");

        assertThat(rejection(GitHost.GITHUB, Deliveries.unsigned(GitHost.GITHUB, "push"), body).getStackTrace())
                .isEmpty();
    }

    @Test
    void aDeliveryIsNotParsedBeforeItsSignatureIsChecked() {
        byte[] garbage = "{ not json".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> receiver.receive(GitHost.GITHUB, Deliveries.unsigned(GitHost.GITHUB, "push"),
                garbage, SECRET)).isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED));
    }

    private WebhookRejectedException rejection(GitHost host, Map<String, String> headers, byte[] body) {
        WebhookRejectedException rejected = catchThrowableOfType(WebhookRejectedException.class,
                () -> receiver.receive(host, headers, Arrays.copyOf(body, body.length), SECRET));
        assertThat(rejected).as("rejected").isNotNull();
        return rejected;
    }

    private static String pushEvent(GitHost host) {
        return Deliveries.pushOf(host).getValue();
    }
}
