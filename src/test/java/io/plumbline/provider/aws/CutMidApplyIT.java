package io.plumbline.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.testing.Toxiproxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The hopper environment's first apply, its connection to AWS cut for good after its n-th write has reached moto (as a
 * service killed there would leave it), then applied again by a fresh provider (as the restarted service would): it
 * finds what the first one made, creates nothing twice, leaves nothing unmarked, and a fresh plan is empty. The
 * points are fixed and spread over the apply's writes, so the cut falls at creates of the network, of IAM and of
 * the instances alike; what was in flight at the cut reached moto, while its answer did not.
 */
class CutMidApplyIT {
    @RegisterExtension
    static final MotoServer MOTO = MotoServer.withBionicImage(HopperEnvironment.ACCOUNT);
    private static final LoadedEnvironment HOPPER = HopperEnvironment.load("hopper");
    private static List<String> whole;

    @BeforeAll
    static void theWholeEnvironment() {
        MOTO.reset();
        try (AwsProvider provider = new AwsProvider(MOTO.connection(), Duration.ZERO);
             AwsClients hand = TestClients.create(MOTO.connection())) {
            NetworkIT.applyClean(provider, HOPPER);
            whole = Leftovers.of(hand, HOPPER.name());
        }
        MOTO.startRecording();
    }

    @ParameterizedTest(name = "cut after write {0}")
    @ValueSource(ints = {1, 4, 5, 20, 27, 30})
    void aReconcileCutAfterAnyWriteIsFinishedByTheNextWithoutASecondCopy(int writes) {
        MOTO.reset();
        MOTO.resetRecording();
        URI moto = MOTO.endpoint();
        Toxiproxy.Proxy proxy = Toxiproxy.shared().proxy("moto", moto.getHost(), moto.getPort());
        try (AwsProvider cut = new AwsProvider(new AwsConnection(Optional.of(proxy.uri("http")),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")),
                Duration.ofSeconds(10), Duration.ofSeconds(2), 2, Duration.ofMillis(50)), Duration.ZERO)) {
            CompletableFuture<List<ObjectResult>> first = CompletableFuture.supplyAsync(() -> Reconciles.apply(cut,
                    HOPPER));
            await("write " + writes + " at moto").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> first.isDone() || MotoWrites.in(MOTO.recording()).size() >= writes);
            proxy.enabled(false);
            await("the cut apply to end").atMost(Duration.ofMinutes(1)).until(first::isDone);
            // It fails as a whole (a read) or object by object (the writes after the cut).
            assertThat(first.handle((results, e) -> e != null || results.stream()
                    .anyMatch(r -> r.result() == ObjectResult.Result.FAILED)).join())
                    .as("the apply whose connection was cut failed").isTrue();
        } finally {
            proxy.delete();
        }

        try (AwsProvider restarted = new AwsProvider(MOTO.connection(), Duration.ZERO);
             AwsClients hand = TestClients.create(MOTO.connection())) {
            NetworkIT.applyClean(restarted, HOPPER);
            assertThat(Reconciles.plan(restarted, HOPPER).hasWrites()).as("a fresh plan").isFalse();
            List<String> found = Leftovers.of(hand, HOPPER.name());
            assertThat(found.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                    .as("each object once").allSatisfy((object, count) -> assertThat(count).as(object).isOne());
            assertThat(found).containsExactlyInAnyOrderElementsOf(whole);
            assertThat(unmarked(hand)).as("objects made without their marks").isEmpty();
        }
    }

    /**
     * Instances, Elastic IPs and NAT gateways that do not carry the environment's marks; the worker group's instances
     * are its own (made by Auto Scaling, with the group's tags), not Plumbline's.
     */
    private static List<String> unmarked(AwsClients hand) {
        Function<List<software.amazon.awssdk.services.ec2.model.Tag>, Boolean> marked = tags -> tags.stream()
                .anyMatch(t -> t.key().equals("plumbline:environment") && t.value().equals(HOPPER.name()));
        var ec2 = hand.ec2();
        List<String> found = new java.util.ArrayList<>();
        ec2.describeInstances().reservations().stream().flatMap(r -> r.instances().stream())
                .filter(i -> !"terminated".equals(i.state().nameAsString()) && !marked.apply(i.tags()))
                .filter(i -> i.tags().stream().noneMatch(t -> t.key().equals("aws:autoscaling:groupName")))
                .forEach(i -> found.add("instance " + i.instanceId()));
        ec2.describeAddresses().addresses().stream().filter(a -> !marked.apply(a.tags()))
                .forEach(a -> found.add("address " + a.allocationId()));
        ec2.describeNatGateways().natGateways().stream().filter(n -> !marked.apply(n.tags()))
                .forEach(n -> found.add("nat gateway " + n.natGatewayId()));
        return found;
    }
}
