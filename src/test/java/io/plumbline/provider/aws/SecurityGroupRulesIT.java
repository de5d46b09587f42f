package io.plumbline.provider.aws;

import static io.plumbline.provider.aws.Reconciles.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.plumbline.model.Action;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.ObjectResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** New rules are authorised in one call per group and direction, and a bad rule fails alone. */
class SecurityGroupRulesIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private AwsProvider provider;
    private AwsClients hand;

    @BeforeEach
    void seed() {
        MOTO.reset();
        // Each plan follows an edit by hand: no read is shared between plans.
        provider = new AwsProvider(MOTO.connection(), Duration.ZERO);
        hand = TestClients.create(MOTO.connection());
        AwsBaseline.seed(hand);
    }

    @AfterEach
    void close() {
        provider.close();
        hand.close();
    }

    private static long authorizeCalls(AwsProvider provider) {
        return provider.calls().calls().stream().filter(c -> c.operation().equals("AuthorizeSecurityGroupIngress"))
                .count();
    }

    @Test
    void theRulesOfOneGroupAreAuthorisedInOneCall() {
        var env = Fixture.load("aws/production.yaml").environment();
        ChangeSet plan = plan(provider, env);
        long groupsWithNewRules = plan.changes().stream().filter(c -> c.key().kind().equals("SecurityGroupRule")
                && c.action() == Action.CREATE).map(c -> c.key().namespace()).distinct().count();
        provider.calls().clear();

        List<ObjectResult> results = provider.apply(env, plan);

        assertThat(results).noneMatch(r -> r.result() == ObjectResult.Result.FAILED);
        assertThat(authorizeCalls(provider)).isEqualTo(groupsWithNewRules);
        assertThat(plan(provider, env).filter(c -> c.action().writes())).isEmpty();
    }

    @Test
    void aRuleThatCannotBeAuthorisedFailsAloneAndTheOthersAreApplied() {
        Fixture fixture = Fixture.load("aws/production.yaml");
        ((ArrayNode) fixture.at("/spec/aws/securityGroups/1").get("ingress")).addObject()
                .put("protocol", "tcp").put("port", 8443).put("from", "sg:no-such-group");
        var env = fixture.environment();

        List<ObjectResult> results = provider.apply(env, plan(provider, env));

        assertThat(results).filteredOn(r -> r.result() == ObjectResult.Result.FAILED).singleElement()
                .satisfies(r -> assertThat(r.key().name()).contains("8443").contains("no-such-group"));
        assertThat(results).filteredOn(r -> r.key().kind().equals("SecurityGroupRule")
                && r.result() == ObjectResult.Result.CREATED).hasSizeGreaterThan(2);
    }
}
