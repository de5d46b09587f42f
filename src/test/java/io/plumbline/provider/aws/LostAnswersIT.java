package io.plumbline.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.provider.ProviderException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The creates AWS offers no idempotency token for (a VPC, an internet gateway, an Elastic IP, a route table) made at
 * moto while their answers are lost on the way (see {@link AwsStandIn#losingAnswers}): each is sent once, the apply
 * fails, and the next reconcile finds what was made instead of making it again.
 */
class LostAnswersIT {
    private static final Set<String> WITHOUT_TOKEN = Set.of("CreateVpc", "CreateInternetGateway", "AllocateAddress",
            "CreateRouteTable");
    @RegisterExtension
    static final MotoServer MOTO = MotoServer.withBionicImage(HopperEnvironment.ACCOUNT);

    @Test
    void aCreateWhoseAnswerIsLostIsFoundByTheNextReconcileNotMadeTwice() throws IOException {
        MOTO.reset();
        LoadedEnvironment hopper = HopperEnvironment.load("hopper");
        try (AwsStandIn losing = AwsStandIn.losingAnswers(MOTO.endpoint(), WITHOUT_TOKEN);
             AwsProvider provider = new AwsProvider(MotoServer.connectionThrough(losing.endpoint()), Duration.ZERO);
             AwsClients hand = TestClients.create(MOTO.connection())) {
            int failed = 0;
            while (!converged(provider, hopper)) {
                failed++;
                assertThat(failed).as("reconciles that failed").isLessThanOrEqualTo(WITHOUT_TOKEN.size() + 1);
            }

            assertThat(losing.faults()).as("answers lost").isEqualTo(4);
            List<String> found = Leftovers.of(hand, hopper.name());
            assertThat(found.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                    .as("each object once").allSatisfy((object, count) -> assertThat(count).as(object).isOne());
            assertThat(found).contains("vpc hopper", "internet gateway hopper-igw", "address hopper-nat");
            assertThat(hand.ec2().describeVpcs().vpcs()).as("the default VPC and hopper's").hasSize(2);
        }
    }

    /** One reconcile: whether it applied everything and a fresh plan is empty. */
    private static boolean converged(AwsProvider provider, LoadedEnvironment env) {
        try {
            List<ObjectResult> results = Reconciles.apply(provider, env);
            return results.stream().noneMatch(r -> r.result() == ObjectResult.Result.FAILED)
                    && !Reconciles.plan(provider, env).hasWrites();
        } catch (ProviderException e) {
            return false;
        }
    }
}
