package io.plumbline.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The crash campaign's short version, with a fixed seed: {@code plumbline serve} (the packaged jar, a child JVM)
 * killed with SIGKILL during three applies per provider — the create, a change that adds objects, and a
 * decommission (AWS) or a reload (HAProxy) — restarted after each, and checked. The long campaign is
 * {@code scripts/bench Chaos}; see {@link ChaosCampaign} for what is checked. The Kubernetes target of the campaign
 * is not part of this short version yet: it has not been run against the control plane.
 */
class ChaosIT {
    private static final long SEED = 20261208L;
    private static final int POINTS = 3;

    @Test
    void awsKilledDuringHopperAndProductionAppliesConvergesWithoutASecondCopyOrALeftover() throws Exception {
        assertClean(ChaosTargets.run("aws", SEED, POINTS, System.out));
    }

    @Test
    void haproxyKilledDuringAppliesUnderTrafficFailsNoRequest() throws Exception {
        assertClean(ChaosTargets.run("haproxy", SEED, POINTS, System.out));
    }

    private static void assertClean(Figures figures) {
        assertThat(figures.problems()).as(figures.toString()).isEmpty();
        assertThat(figures.converged()).as("converged within two reconciles").isEqualTo(POINTS);
        assertThat(figures.failedRequests()).as("failed requests").isZero();
    }
}
