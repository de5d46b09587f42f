package io.plumbline.source.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReplaysTest {
    private static final byte[] PUSH = "{\"ref\":\"refs/heads/main\",\"after\":\"abc\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aDeliveryAcceptedOnceIsRefusedTheSecondTimeWithoutRepeatingIt() throws Exception {
        Replays replays = new Replays();
        replays.accept(GitHost.GITEA, PUSH);

        assertThatThrownBy(() -> replays.accept(GitHost.GITEA, PUSH.clone()))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("already received").doesNotContain("refs/heads");
                });
    }

    @Test
    void anotherBodyOrAnotherHostIsANewDelivery() {
        Replays replays = new Replays();
        assertThatCode(() -> {
            replays.accept(GitHost.GITEA, PUSH);
            replays.accept(GitHost.GITEA, "{\"ref\":\"refs/heads/main\",\"after\":\"abd\"}".getBytes(StandardCharsets.UTF_8));
            replays.accept(GitHost.GITHUB, PUSH);
        }).doesNotThrowAnyException();
    }

    @Test
    void theOldestDeliveryIsForgottenWhenTheMemoryIsFull() throws Exception {
        Replays replays = new Replays(2);
        replays.accept(GitHost.GITEA, "1".getBytes(StandardCharsets.UTF_8));
        replays.accept(GitHost.GITEA, "2".getBytes(StandardCharsets.UTF_8));
        replays.accept(GitHost.GITEA, "3".getBytes(StandardCharsets.UTF_8));

        assertThatCode(() -> replays.accept(GitHost.GITEA, "1".getBytes(StandardCharsets.UTF_8)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> replays.accept(GitHost.GITEA, "3".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WebhookRejectedException.class);
    }
}
