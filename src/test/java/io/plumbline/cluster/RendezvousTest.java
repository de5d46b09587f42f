package io.plumbline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RendezvousTest {
    private static final List<String> ENVIRONMENTS = IntStream.range(0, 300).mapToObj(i -> "env-" + i).toList();
    private static final List<String> THREE = List.of("plumbline-7d9f-a", "plumbline-7d9f-b", "plumbline-7d9f-c");

    @Test
    void everyReplicaGetsAFairShare() {
        Map<String, Long> shares = ENVIRONMENTS.stream().map(env -> Rendezvous.choose(env, THREE).orElseThrow())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(shares).containsOnlyKeys(THREE);
        assertThat(shares.values()).allSatisfy(n -> assertThat(n).isBetween(70L, 130L));
    }

    @Test
    void whenAReplicaLeavesOnlyItsEnvironmentsMove() {
        List<String> two = THREE.subList(0, 2);
        for (String env : ENVIRONMENTS) {
            String before = Rendezvous.choose(env, THREE).orElseThrow();
            String after = Rendezvous.choose(env, two).orElseThrow();
            if (!before.equals(THREE.get(2))) {
                assertThat(after).as(env).isEqualTo(before);
            }
        }
    }

    @Test
    void theAnswerDependsOnTheMembersNotTheirOrder() {
        for (String env : ENVIRONMENTS) {
            assertThat(Rendezvous.choose(env, List.of(THREE.get(2), THREE.get(0), THREE.get(1))))
                    .isEqualTo(Rendezvous.choose(env, THREE));
        }
    }

    @Test
    void aMemberLeaseNameIsAValidObjectName() {
        assertThat(LeaseNames.member("Plumbline_Host.example.COM")).isEqualTo("plumbline-member-plumbline-host.example.com");
        assertThat(LeaseNames.member("x".repeat(300))).hasSizeLessThanOrEqualTo(253);
    }
}
