package io.plumbline.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.LoadedEnvironment;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole hopper environment created from an empty account while AWS throttles the first call of each operation
 * (see {@link AwsStandIn#throttling}): every throttle is retried by the SDK, counted by service, and nothing is created
 * twice or left out.
 */
class AwsThrottlingIT {
    @RegisterExtension
    static final MotoServer MOTO = MotoServer.withBionicImage(HopperEnvironment.ACCOUNT);

    @Test
    void throttledCallsAreRetriedAndCountedAndCreateEachObjectOnce() throws IOException {
        MOTO.reset();
        LoadedEnvironment hopper = HopperEnvironment.load("hopper");
        List<String> told = new CopyOnWriteArrayList<>();
        try (AwsStandIn throttling = AwsStandIn.throttling(MOTO.endpoint());
             AwsProvider provider = new AwsProvider(MotoServer.connectionThrough(throttling.endpoint()), Duration.ZERO,
                     told::add);
             AwsClients hand = TestClients.create(MOTO.connection())) {
            NetworkIT.applyClean(provider, hopper);
            assertThat(Reconciles.plan(provider, hopper).hasWrites()).as("a fresh plan after the apply").isFalse();

            assertThat(throttling.faults()).isPositive();
            Map<String, Long> counted = provider.throttles().counts();
            assertThat(counted.values().stream().mapToLong(Long::longValue).sum()).as("every throttle, once")
                    .isEqualTo(throttling.faults());
            assertThat(counted).containsKeys("EC2", "IAM", "Auto Scaling");
            assertThat(told.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                    .isEqualTo(counted);

            assertThat(hand.ec2().describeInstances(r -> r.filters(f -> f.name("instance-state-name")
                    .values("pending", "running"))).reservations().stream().flatMap(r -> r.instances().stream())
                    .map(i -> Lookup.nameTag(i.tags()))).containsExactlyInAnyOrder("hopper-bastion", "hopper-master",
                    "hopper-k8s-node");
            assertThat(hand.ec2().describeNatGateways(r -> r.filter(f -> f.name("state").values("available",
                    "pending"))).natGateways()).hasSize(1);
            assertThat(hand.ec2().describeAddresses().addresses()).hasSize(1);
        }
    }
}
