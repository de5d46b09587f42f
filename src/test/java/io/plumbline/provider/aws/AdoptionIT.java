package io.plumbline.provider.aws;

import static io.plumbline.provider.aws.Reconciles.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.model.Action;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.FieldChange;
import io.plumbline.model.ObjectResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/** Security groups are created and pruned; what exists without marks is adopted only when the file says so. */
class AdoptionIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    final SeededAccount account = new SeededAccount(MOTO);

    @Test
    void aDeclaredGroupIsCreatedWithItsRulesAndDeletedWhenRemoved() {
        Fixture fixture = Fixture.load("aws/production.yaml");
        fixture.at("/spec/sync").put("prune", true);
        ObjectNode cache = ((ArrayNode) fixture.tree().at("/spec/aws/securityGroups")).addObject()
                .put("name", "cache").put("vpc", "hopper").put("description", "Redis for the backends");
        cache.putObject("tags").put("team", "data");
        cache.putArray("ingress").addObject().put("protocol", "tcp").put("port", 6379).put("from", "sg:k8s-nodes");

        ChangeSet first = plan(account.provider(), fixture.environment());
        assertThat(first.with(Action.CREATE)).extracting(c -> c.key().toString()).contains(
                "aws SecurityGroup hopper/cache", "aws SecurityGroupRule cache/ingress:tcp:6379:sg:k8s-nodes");
        assertThat(account.provider().apply(fixture.environment(), first)).noneMatch(r -> r.result()
                == ObjectResult.Result.FAILED);
        SecurityGroup created = group("cache");
        assertThat(created.description()).isEqualTo("Redis for the backends");
        assertThat(created.vpcId()).isEqualTo(account.seeded().vpcId());
        assertThat(tags(created)).containsEntry("team", "data").containsEntry("plumbline:environment", "production")
                .containsEntry("plumbline:managed", "true");
        assertThat(created.ipPermissions()).singleElement().satisfies(p -> {
            assertThat(p.fromPort()).isEqualTo(6379);
            assertThat(p.userIdGroupPairs()).extracting(u -> u.groupId()).containsExactly(account.seeded().nodesId());
        });
        assertThat(plan(account.provider(), fixture.environment()).hasWrites()).isFalse();

        account.hand().ec2().createTags(r -> r.resources(created.groupId()).tags(t -> t.key("team").value("platform")));
        assertThat(plan(account.provider(), fixture.environment()).with(Action.UPDATE)).singleElement().satisfies(c ->
                assertThat(c.fields()).containsExactly(new FieldChange("tags.team", "data", "platform")));

        ((ArrayNode) fixture.tree().at("/spec/aws/securityGroups")).remove(3);
        ChangeSet removal = plan(account.provider(), fixture.environment());
        assertThat(removal.with(Action.DELETE)).extracting(c -> c.key().toString()).containsExactlyInAnyOrder(
                "aws SecurityGroup hopper/cache", "aws SecurityGroupRule cache/ingress:tcp:6379:sg:k8s-nodes");
        assertThat(account.provider().apply(fixture.environment("drop cache\n\nPlumbline-Allow-Deletes: 2"), removal))
                .noneMatch(r -> r.result() == ObjectResult.Result.FAILED);
        assertThat(account.hand().ec2().describeSecurityGroups(r -> r.filters(f -> f.name("group-name").values("cache")))
                .securityGroups()).isEmpty();
    }

    @Test
    void anUnmarkedListenerOrGroupOfADeclaredNameIsAdoptedOnlyWhenTheFileSaysSo() {
        String lb = account.hand().elb().describeLoadBalancers(r -> r.names("frontend-alb")).loadBalancers().get(0)
                .loadBalancerArn();
        String theirs = account.hand().elb().createListener(r -> r.loadBalancerArn(lb).port(80).protocol("HTTP")
                .defaultActions(a -> a.type("fixed-response").fixedResponseConfig(f -> f.statusCode("200")
                        .contentType("text/plain")))).listeners().get(0).listenerArn();
        Fixture fixture = Fixture.load("aws/production.yaml");
        fixture.at("/spec/sync").put("prune", true);

        ChangeSet plan = plan(account.provider(), fixture.environment());
        assertThat(plan.with(Action.ADOPT)).extracting(c -> c.key().toString()).contains(
                "aws Listener frontend-alb/80", "aws SecurityGroup hopper/k8s-master");
        assertThat(plan.with(Action.ADOPT)).allSatisfy(c -> assertThat(c.note()).contains("adopt: true"));
        account.provider().apply(fixture.environment(), plan);
        assertThat(account.hand().elb().describeListeners(r -> r.listenerArns(theirs)).listeners().get(0).defaultActions()
                .get(0).typeAsString()).isEqualTo("fixed-response");
        assertThat(listenerTags(theirs)).doesNotContainKey("plumbline:environment");

        fixture.at("/spec/aws/loadBalancers/0/listeners/0").put("adopt", true);
        fixture.at("/spec/aws/securityGroups/1").put("adopt", true);
        ChangeSet adopting = plan(account.provider(), fixture.environment());
        assertThat(adopting.with(Action.UPDATE)).filteredOn(c -> c.key().kind().equals("Listener")
                || c.key().kind().equals("SecurityGroup")).extracting(c -> c.key().toString())
                .containsExactlyInAnyOrder("aws Listener frontend-alb/80", "aws SecurityGroup hopper/k8s-master");
        assertThat(account.provider().apply(fixture.environment(), adopting)).noneMatch(r -> r.result()
                == ObjectResult.Result.FAILED);
        assertThat(listenerTags(theirs)).containsEntry("plumbline:environment", "production");
        assertThat(account.hand().elb().describeListeners(r -> r.listenerArns(theirs)).listeners().get(0).defaultActions()
                .get(0).typeAsString()).isEqualTo("redirect");
        assertThat(tags(group("k8s-master"))).containsEntry("plumbline:managed", "true");
        assertThat(plan(account.provider(), fixture.environment()).filter(c -> c.action().writes()
                || c.key().name().equals("k8s-master") && c.action() == Action.ADOPT)).isEmpty();
    }

    private SecurityGroup group(String name) {
        List<SecurityGroup> found = account.hand().ec2().describeSecurityGroups(r -> r.filters(f -> f.name("group-name")
                .values(name))).securityGroups();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static Map<String, String> tags(SecurityGroup g) {
        return g.tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value()));
    }

    private Map<String, String> listenerTags(String arn) {
        return account.hand().elb().describeTags(r -> r.resourceArns(arn)).tagDescriptions().get(0).tags().stream()
                .collect(Collectors.toMap(t -> t.key(), t -> t.value()));
    }
}
