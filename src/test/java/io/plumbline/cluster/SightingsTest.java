package io.plumbline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a Lease counts as expired, in this replica's monotonic nanoseconds, against the fence of its holder. */
class SightingsTest {
    private static final long MS = 1_000_000;
    private static final ClusterSettings DEFAULTS = new ClusterSettings("plumbline", "plumbline-b",
            Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));

    private final Sightings sightings = new Sightings(DEFAULTS.takeoverAfter());

    private static Lease lease(String name, String holder, String version) {
        return new LeaseBuilder().withNewMetadata().withName(name).withResourceVersion(version).endMetadata()
                .withNewSpec().withHolderIdentity(holder).endSpec().build();
    }

    private Sightings.Seen seen(String name) {
        return sightings.get(name).orElseThrow();
    }

    @Test
    void aVersionExpiresALeaseDurationLessARetryPeriodAfterItWasFirstSeen() {
        sightings.update(List.of(lease("plumbline-env-a", "plumbline-a", "7")), 1_000 * MS);
        // Listed again unchanged: it still counts from the first sighting.
        sightings.update(List.of(lease("plumbline-env-a", "plumbline-a", "7")), 3_000 * MS);

        assertThat(sightings.expiresAt(seen("plumbline-env-a"))).isEqualTo(14_000 * MS);
        assertThat(sightings.expired(seen("plumbline-env-a"), 14_000 * MS)).isFalse();
        assertThat(sightings.expired(seen("plumbline-env-a"), 14_000 * MS + 1)).isTrue();

        // A renewal seen later starts the count again.
        sightings.update(List.of(lease("plumbline-env-a", "plumbline-a", "8")), 5_000 * MS);
        assertThat(sightings.expired(seen("plumbline-env-a"), 14_000 * MS + 1)).isFalse();
        assertThat(sightings.expiresAt(seen("plumbline-env-a"))).isEqualTo(18_000 * MS);
    }

    @Test
    void aVersionThisReplicaWroteCountsFromWhenItWasSent() {
        sightings.update(List.of(lease("plumbline-env-a", "plumbline-a", "7")), 1_000 * MS);
        sightings.wrote(lease("plumbline-env-a", "plumbline-b", "9"), 2_000 * MS);

        assertThat(seen("plumbline-env-a").holder()).isEqualTo("plumbline-b");
        assertThat(sightings.expiresAt(seen("plumbline-env-a"))).isEqualTo(15_000 * MS);
    }

    /**
     * The holder sends its last renewal at 0 and writes until its renew deadline, 10 s. The API server stores the
     * renewal some latency later, and another replica lists the Leases every retry period from some phase: it takes
     * the Lease 13 s after the first list that shows the renewal. For every latency and phase, that is after the
     * holder stopped, and (the latency aside) within one lease duration of the renewal.
     */
    @Test
    void aTakerNeverTakesBeforeTheHolderStoppedAndTakesWithinALeaseDurationOfTheLastRenewal() {
        long holderStops = DEFAULTS.renewDeadline().toNanos();
        long retry = DEFAULTS.retryPeriod().toNanos();
        for (long latency = 0; latency <= 500 * MS; latency += 50 * MS) {
            for (long phase = 0; phase < retry; phase += 100 * MS) {
                long stored = latency;
                long firstListShowingIt = phase + Math.max(0, Math.floorDiv(stored - phase + retry - 1, retry)) * retry;
                Sightings taker = new Sightings(DEFAULTS.takeoverAfter());
                taker.update(List.of(lease("plumbline-env-a", "plumbline-a", "7")), firstListShowingIt);
                long takes = taker.expiresAt(taker.get("plumbline-env-a").orElseThrow());

                assertThat(takes).as("latency %d ms, phase %d ms", latency / MS, phase / MS)
                        .isGreaterThan(holderStops)
                        .isLessThanOrEqualTo(stored + DEFAULTS.leaseDuration().toNanos());
            }
        }
    }

    @Test
    void membersLiveUntilTheirLeaseExpiresAndAreThenDead() {
        sightings.update(List.of(lease("plumbline-member-plumbline-a", "plumbline-a", "3"),
                lease("plumbline-member-plumbline-c", "plumbline-c", "4"),
                lease("plumbline-env-a", "plumbline-a", "5")), 0);
        sightings.update(List.of(lease("plumbline-member-plumbline-a", "plumbline-a", "3"),
                lease("plumbline-member-plumbline-c", "plumbline-c", "6"),
                lease("plumbline-env-a", "plumbline-a", "5")), 2_000 * MS);

        assertThat(sightings.liveMembers(13_000 * MS)).containsExactly("plumbline-a", "plumbline-c");
        assertThat(sightings.nextMemberExpiry(1_000 * MS, "plumbline-member-plumbline-b")).hasValue(12_000 * MS);
        assertThat(sightings.liveMembers(13_000 * MS + 1)).containsExactly("plumbline-c");
        assertThat(sightings.deadMembers(13_000 * MS + 1)).containsExactly("plumbline-member-plumbline-a");
    }
}
