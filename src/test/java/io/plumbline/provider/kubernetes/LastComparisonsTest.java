package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Action;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Resource;
import io.plumbline.render.kubernetes.KubernetesKeys;
import io.plumbline.render.kubernetes.Nodes;
import io.plumbline.render.kubernetes.TestEnvironments;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A drift check of an unchanged object compares nothing again; any change on either side is compared. */
class LastComparisonsTest {
    private final KubernetesPlanner planner = new KubernetesPlanner("plumbline");
    private final LoadedEnvironment env = TestEnvironments.of("env.yaml", """
            apiVersion: plumbline/v1
            kind: Environment
            metadata: {name: production}
            spec:
              kubernetes: {namespaces: [example]}
            """, List.of());

    private static List<Resource> desired(String fixture) {
        Map<String, Object> body = TestEnvironments.fixture("diff/" + fixture).get(0);
        return List.of(new Resource(KubernetesKeys.of(body), body, true));
    }

    /** The live object as a watch cache hands it out: one shared, read-only tree while it is unchanged. */
    private static List<Resource> live(String fixture) {
        Map<String, Object> body = Nodes.readOnly(TestEnvironments.fixture("diff/" + fixture).get(1));
        return List.of(new Resource(KubernetesKeys.of(body), body, true));
    }

    @Test
    void anObjectUnchangedOnBothSidesIsComparedOnce() {
        List<Resource> live = live("normalised.yaml");

        ChangeSet first = planner.plan(env, desired("normalised.yaml"), live);
        long compared = planner.comparisons();
        ChangeSet again = planner.plan(env, desired("normalised.yaml"), live);

        assertThat(planner.comparisons()).isEqualTo(compared);
        assertThat(again).isEqualTo(first);
        assertThat(again.changes()).extracting(c -> c.action()).containsExactly(Action.NOOP);
    }

    @Test
    void aChangeOnEitherSideIsCompared() {
        List<Resource> live = live("changed.yaml");
        planner.plan(env, desired("normalised.yaml"), live);
        long compared = planner.comparisons();

        ChangeSet desiredChanged = planner.plan(env, desired("changed.yaml"), live);
        assertThat(planner.comparisons()).isEqualTo(compared + 1);
        assertThat(desiredChanged.changes()).extracting(c -> c.action()).containsExactly(Action.UPDATE);

        ChangeSet liveRead = planner.plan(env, desired("changed.yaml"), live("normalised.yaml"));
        assertThat(planner.comparisons()).isEqualTo(compared + 2);
        assertThat(liveRead.changes()).extracting(c -> c.action()).containsExactly(Action.UPDATE);
    }
}
