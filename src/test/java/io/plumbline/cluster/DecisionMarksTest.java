package io.plumbline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.plumbline.engine.loop.Assignment.Decisions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionMarksTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    private static Lease lease(Map<String, String> annotations) {
        return new LeaseBuilder().withNewMetadata().withName("plumbline-env-production").withResourceVersion("41")
                .withAnnotations(annotations).endMetadata().withNewSpec().withHolderIdentity("plumbline-a").endSpec()
                .build();
    }

    @Test
    void decisionsGoIntoTheLeaseAndComeBackOutWithItsOtherAnnotationsKept() {
        Decisions both = new Decisions(true, SHA, "rolled back to 89abcde: memory is degraded");
        Lease marked = DecisionMarks.with(lease(Map.of("plumbline.io/environment", "production")), both);

        assertThat(DecisionMarks.of(marked)).isEqualTo(both);
        assertThat(marked.getMetadata().getAnnotations()).containsEntry("plumbline.io/environment", "production")
                .containsEntry("plumbline.io/suspended", "true").containsEntry("plumbline.io/held-commit", SHA);
        assertThat(marked.getMetadata().getResourceVersion()).as("still a compare and swap").isEqualTo("41");

        Lease cleared = DecisionMarks.with(marked, Decisions.NONE);
        assertThat(DecisionMarks.of(cleared)).isEqualTo(Decisions.NONE);
        assertThat(cleared.getMetadata().getAnnotations()).containsOnlyKeys("plumbline.io/environment");
    }

    @Test
    void aLeaseWithoutAnnotationsCarriesNoDecisionAndALongReasonIsCut() {
        assertThat(DecisionMarks.of(new LeaseBuilder().withNewMetadata().withName("x").endMetadata().build()))
                .isEqualTo(Decisions.NONE);
        assertThat(DecisionMarks.of(lease(Map.of("plumbline.io/suspended", "yes", "plumbline.io/held-reason", "r"))))
                .as("only \"true\" suspends, and a reason without a held commit holds nothing")
                .isEqualTo(Decisions.NONE);

        Decisions longReason = new Decisions(false, SHA, "x".repeat(10_000));
        assertThat(DecisionMarks.annotations(longReason).get("plumbline.io/held-reason")).hasSize(4096);
    }
}
