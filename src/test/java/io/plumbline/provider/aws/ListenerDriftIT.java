package io.plumbline.provider.aws;

import static io.plumbline.provider.aws.Reconciles.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.model.Action;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.FieldChange;
import io.plumbline.model.ObjectResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RedirectActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/** Every part of a listener's default action is compared: each hand edit is named by the plan and put back. */
class ListenerDriftIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private AwsProvider provider;
    private AwsClients hand;
    private Fixture fixture;

    @BeforeEach
    void seed() {
        MOTO.reset();
        // Each plan follows an edit by hand: no read is shared between plans.
        provider = new AwsProvider(MOTO.connection(), Duration.ZERO);
        hand = TestClients.create(MOTO.connection());
        AwsBaseline.Seeded seeded = AwsBaseline.seed(hand);
        hand.elb().createTargetGroup(r -> r.name("canary-tg").protocol("HTTP").port(8000).vpcId(seeded.vpcId()));
        fixture = Fixture.load("aws/production.yaml");
        ArrayNode listeners = (ArrayNode) fixture.tree().at("/spec/aws/loadBalancers/0/listeners");
        ArrayNode forward = listeners.addObject().put("port", 8081).put("protocol", "HTTP").putArray("forward");
        forward.addObject().put("targetGroup", "frontend-tg").put("weight", 9);
        forward.addObject().put("targetGroup", "canary-tg").put("weight", 1);
        ObjectNode fixed = listeners.addObject().put("port", 8082).put("protocol", "HTTP").putObject("fixedResponse");
        fixed.put("statusCode", 503).put("contentType", "text/plain").put("messageBody", "down for maintenance");
        provider.apply(fixture.environment(), plan(provider, fixture.environment()));
        assertThat(plan(provider, fixture.environment()).hasWrites()).isFalse();
    }

    @AfterEach
    void close() {
        provider.close();
        hand.close();
    }

    @Test
    void eachRedirectFieldChangedByHandIsNamedAndRestored() {
        Map<String, UnaryOperator<RedirectActionConfig.Builder>> edits = new LinkedHashMap<>();
        edits.put("protocol", r -> r.protocol("HTTP"));
        edits.put("port", r -> r.port("8443"));
        edits.put("host", r -> r.host("elsewhere.example.net"));
        edits.put("path", r -> r.path("/old"));
        edits.put("query", r -> r.query("from=plumbline"));
        edits.put("statusCode", r -> r.statusCode("HTTP_302"));
        edits.forEach((field, edit) -> {
            Listener l = listener(80);
            RedirectActionConfig changed = edit.apply(l.defaultActions().get(0).redirectConfig().toBuilder()).build();
            hand.elb().modifyListener(r -> r.listenerArn(l.listenerArn()).defaultActions(a -> a.type("redirect")
                    .redirectConfig(changed)));
            expectRestored(80, "action." + field);
        });
    }

    @Test
    void theRedirectTurnedIntoHttp302IsDrift() {
        Listener l = listener(80);
        hand.elb().modifyListener(r -> r.listenerArn(l.listenerArn()).defaultActions(a -> a.type("redirect")
                .redirectConfig(c -> c.protocol("HTTP").port("80").statusCode("HTTP_302"))));
        ChangeSet drift = plan(provider, fixture.environment());
        assertThat(drift.with(Action.UPDATE)).singleElement().satisfies(c -> assertThat(c.fields())
                .extracting(FieldChange::path).contains("action.protocol", "action.port", "action.statusCode"));
    }

    @Test
    void fixedResponseAndForwardWeightsChangedByHandAreNamedAndRestored() {
        Listener fixed = listener(8082);
        hand.elb().modifyListener(r -> r.listenerArn(fixed.listenerArn()).defaultActions(a -> a
                .type("fixed-response").fixedResponseConfig(f -> f.statusCode("503").contentType("text/plain")
                        .messageBody("back soon"))));
        expectRestored(8082, "action.messageBody");
        hand.elb().modifyListener(r -> r.listenerArn(fixed.listenerArn()).defaultActions(a -> a
                .type("fixed-response").fixedResponseConfig(f -> f.statusCode("500").contentType("text/html")
                        .messageBody("down for maintenance"))));
        expectRestored(8082, "action.statusCode", "action.contentType");

        Listener forward = listener(8081);
        var tuples = forward.defaultActions().get(0).forwardConfig().targetGroups().stream()
                .map(t -> TargetGroupTuple.builder().targetGroupArn(t.targetGroupArn()).weight(5).build()).toList();
        hand.elb().modifyListener(r -> r.listenerArn(forward.listenerArn()).defaultActions(a -> a.type("forward")
                .forwardConfig(f -> f.targetGroups(tuples))));
        expectRestored(8081, "action.targetGroups[0].weight", "action.targetGroups[1].weight");
    }

    private void expectRestored(int port, String... fields) {
        ChangeSet drift = plan(provider, fixture.environment());
        assertThat(drift.filter(c -> c.action().writes())).singleElement().satisfies(c -> {
            assertThat(c.key().toString()).isEqualTo("aws Listener frontend-alb/" + port);
            assertThat(c.fields()).extracting(FieldChange::path).containsExactlyInAnyOrder(fields);
        });
        assertThat(provider.apply(fixture.environment(), drift)).noneMatch(r -> r.result()
                == ObjectResult.Result.FAILED);
        assertThat(plan(provider, fixture.environment()).hasWrites()).as("after restoring " + String.join(", ",
                fields)).isFalse();
    }

    private Listener listener(int port) {
        String lb = hand.elb().describeLoadBalancers(r -> r.names("frontend-alb")).loadBalancers().get(0)
                .loadBalancerArn();
        return hand.elb().describeListeners(r -> r.loadBalancerArn(lb)).listeners().stream()
                .filter(l -> l.port() == port).findFirst().orElseThrow();
    }
}
