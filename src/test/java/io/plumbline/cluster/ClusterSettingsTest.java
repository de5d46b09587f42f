package io.plumbline.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {
    private static ClusterSettings settings(String identity, double lease, double renew, double retry) {
        return new ClusterSettings("plumbline", identity, Duration.ofMillis((long) (lease * 1000)),
                Duration.ofMillis((long) (renew * 1000)), Duration.ofMillis((long) (retry * 1000)));
    }

    @Test
    void othersTakeOverALeaseDurationLessARetryPeriodAfterTheySawTheLastRenewal() {
        assertThat(settings("a", 15, 10, 2).takeoverAfter()).isEqualTo(Duration.ofSeconds(13));
        assertThat(settings("a", 4, 2.7, 0.4).takeoverAfter()).isEqualTo(Duration.ofMillis(3600));
    }

    @Test
    void theRenewDeadlineEndsBeforeOthersMayTakeTheLease() {
        assertThatThrownBy(() -> settings("a", 15, 13, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("renew-deadline < lease-duration - retry-period")
                .hasMessageContaining("got renew-deadline 13s, lease-duration - retry-period 15s - 2s = 13s");
        assertThatThrownBy(() -> settings("a", 15, 15, 2)).hasMessageContaining("renew-deadline 15s");
        assertThatThrownBy(() -> settings("a", 4, 3.7, 0.4)).hasMessageContaining("4s - 0.4s = 3.6s");
        assertThat(settings("a", 15, 12.9, 2).renewDeadline()).isEqualTo(Duration.ofMillis(12900));
    }

    @Test
    void theRetryPeriodIsPositiveAndShorterThanTheRenewDeadline() {
        assertThatThrownBy(() -> settings("a", 30, 10, 10)).hasMessageContaining("0 < retry-period < renew-deadline");
        assertThatThrownBy(() -> settings("a", 15, 10, 0)).hasMessageContaining("0 < retry-period < renew-deadline");
        assertThatThrownBy(() -> settings("a", 0.5, 0.2, 0.1)).hasMessageContaining("a whole second or more");
    }

    @Test
    void aReplicaNeedsAName() {
        assertThatThrownBy(() -> settings(" ", 15, 10, 2)).hasMessageContaining("identity");
    }
}
