package io.plumbline.provider.aws;

import static io.plumbline.provider.aws.Reconciles.apply;
import static io.plumbline.provider.aws.Reconciles.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.plumbline.model.Action;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.FieldChange;
import io.plumbline.model.RefusedException;
import io.plumbline.model.ObjectResult;
import io.plumbline.provider.Fence;
import io.plumbline.provider.NotOwnedException;
import io.plumbline.testing.Guarded;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The example environment against an account seeded like a team's existing one. */
class AwsProviderIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    final SeededAccount account = new SeededAccount(MOTO);

    @Test
    void firstApplyConvergesAndSecondMakesNoWrites() {
        var env = Fixture.load("aws/production.yaml").environment();
        ChangeSet first = plan(account.provider(), env);
        assertThat(first.with(Action.CREATE)).extracting(c -> c.key().kind()).contains("EcrRepository",
                "SecurityGroupRule", "ScheduledAction", "ScalingPolicy", "Certificate", "Listener", "DnsRecord",
                "ClusterTag");
        assertThat(first.with(Action.UPDATE)).extracting(c -> c.key().toString())
                .contains("aws AutoScalingGroup hopper-t2-medium-nodes", "aws Nodegroup Example/ng-fa5e0fc5");
        List<ObjectResult> results = account.provider().apply(env, first);
        assertThat(results).filteredOn(r -> r.result() == ObjectResult.Result.FAILED).isEmpty();
        assertThat(account.provider().calls().calls()).extracting(IamPolicy::action).isSubsetOf(IamPolicy.declared());

        account.provider().calls().clear();
        ChangeSet again = plan(account.provider(), env);
        assertThat(again.filter(c -> c.action().writes())).isEmpty();
        assertThat(account.provider().apply(env, again)).noneMatch(r -> r.result() == ObjectResult.Result.FAILED);
        assertThat(account.provider().calls().writes()).isEmpty();
        assertThat(again.with(Action.ORPHAN)).isEmpty();
    }

    @Test
    void noCallIsMadeOnceTheFenceSaysTheEnvironmentIsAnothers() {
        var env = Fixture.load("aws/production.yaml").environment();
        ChangeSet first = plan(account.provider(), env);
        account.provider().calls().clear();
        // As a replica whose Lease is taken the moment its first write lands.
        Fence lostAfterTheFirstWrite = () -> {
            if (!account.provider().calls().writes().isEmpty()) {
                throw new NotOwnedException("stopped before writing: production is another's");
            }
        };

        assertThatThrownBy(() -> account.provider().apply(env, first, lostAfterTheFirstWrite))
                .isInstanceOf(NotOwnedException.class);

        List<CallCounter.Call> calls = account.provider().calls().calls();
        assertThat(account.provider().calls().writes()).hasSize(1);
        assertThat(calls.get(calls.size() - 1).writes()).as("no call of any kind after the first write").isTrue();
    }

    @Test
    void observingCostsTheSameCallsWhateverTheNumberOfObjects() {
        Fixture fixture = Fixture.load("aws/production.yaml");
        apply(account.provider(), fixture.environment());
        account.provider().calls().clear();
        plan(account.provider(), fixture.environment());
        List<CallCounter.Call> few = account.provider().calls().calls();

        ArrayNode records = (ArrayNode) fixture.tree().at("/spec/aws/dns/0/records");
        ArrayNode rules = (ArrayNode) fixture.tree().at("/spec/aws/securityGroups/0/ingress");
        ArrayNode actions = (ArrayNode) fixture.tree().at("/spec/aws/autoscaling/groups/0/scheduledActions");
        for (int i = 0; i < 8; i++) {
            records.addObject().put("name", "host" + i + ".example.com").put("type", "A").putArray("values")
                    .add("192.0.2." + i);
            rules.addObject().put("protocol", "tcp").put("port", 9000 + i).put("from", "10.0." + i + ".0/24");
            actions.addObject().put("name", "extra-" + i).put("recurrence", "0 " + i + " * * *").put("max", 2);
        }
        apply(account.provider(), fixture.environment());
        account.provider().calls().clear();
        plan(account.provider(), fixture.environment());
        assertThat(account.provider().calls().calls()).containsExactlyInAnyOrderElementsOf(few);
    }

    @Test
    void wrongAccountIsRefusedWithoutWrites() {
        Fixture fixture = Fixture.load("aws/production.yaml");
        fixture.at("/spec/aws").put("accountId", "033870383707");
        var env = fixture.environment();
        ChangeSet plan = plan(account.provider(), env);
        account.provider().calls().clear();
        assertThatThrownBy(() -> account.provider().apply(env, plan)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("declares account 033870383707")
                .hasMessageContaining("belong to account 123456789012");
        assertThat(account.provider().calls().writes()).isEmpty();
    }

    @Test
    void membersAddedByHandSurvivePruneUntilTheirGroupIsExclusive() {
        Fixture fixture = Fixture.load("aws/production.yaml");
        fixture.at("/spec/sync").put("prune", true);
        apply(account.provider(), fixture.environment());
        account.hand().ec2().authorizeSecurityGroupIngress(r -> r.groupId(account.seeded().masterId()).ipPermissions(p -> p
                .ipProtocol("tcp").fromPort(6379).toPort(6379).ipRanges(i -> i.cidrIp("203.0.113.0/24"))));
        account.hand().autoScaling().putScheduledUpdateGroupAction(r -> r.autoScalingGroupName(AwsBaseline.GROUP)
                .scheduledActionName("team-friday").recurrence("0 18 * * 5").minSize(1).maxSize(1));

        ChangeSet kept = plan(account.provider(), fixture.environment());
        assertThat(kept.with(Action.ORPHAN)).extracting(c -> c.key().toString()).containsExactlyInAnyOrder(
                "aws SecurityGroupRule k8s-master/ingress:tcp:6379:203.0.113.0/24",
                "aws ScheduledAction hopper-t2-medium-nodes/team-friday");
        assertThat(kept.with(Action.ORPHAN)).allSatisfy(c -> assertThat(c.note()).contains("not managed here"));
        assertThat(kept.with(Action.DELETE)).isEmpty();
        account.provider().apply(fixture.environment(), kept);
        assertThat(handRules(account.seeded().masterId())).contains(6379);
        assertThat(handActions()).contains("team-friday");

        fixture.at("/spec/aws/securityGroups/1").put("exclusive", true);
        fixture.at("/spec/aws/autoscaling/groups/0").put("exclusive", true);
        ChangeSet exclusive = plan(account.provider(), fixture.environment());
        assertThat(exclusive.with(Action.DELETE)).extracting(c -> c.key().toString()).containsExactlyInAnyOrder(
                "aws SecurityGroupRule k8s-master/ingress:tcp:6379:203.0.113.0/24",
                "aws ScheduledAction hopper-t2-medium-nodes/team-friday");
        assertThat(exclusive.with(Action.DELETE)).allSatisfy(c -> assertThat(c.note()).contains("exclusive"));
        List<ObjectResult> results = account.provider().apply(fixture.environment(), exclusive);
        assertThat(results).noneMatch(r -> r.result() == ObjectResult.Result.FAILED);
        assertThat(handRules(account.seeded().masterId())).doesNotContain(6379).contains(22, 6443);
        assertThat(handActions()).doesNotContain("team-friday").contains("nightly-scale-down");
        assertThat(plan(account.provider(), fixture.environment()).hasWrites()).isFalse();
    }

    private List<Integer> handRules(String groupId) {
        return account.hand().ec2().describeSecurityGroupRules(r -> r.filters(f -> f.name("group-id").values(groupId)))
                .securityGroupRules().stream().filter(r -> !r.isEgress()).map(r -> r.fromPort()).toList();
    }

    private List<String> handActions() {
        return account.hand().autoScaling().describeScheduledActions(r -> r.autoScalingGroupName(AwsBaseline.GROUP))
                .scheduledUpdateGroupActions().stream().map(a -> a.scheduledActionName()).toList();
    }

    @Test
    void autoScalingBoundsAreKeptButDesiredMovedInsideThemIsNotDrift() {
        Fixture fixture = Fixture.load("aws/production.yaml");
        apply(account.provider(), fixture.environment());
        account.hand().autoScaling().setDesiredCapacity(r -> r.autoScalingGroupName(AwsBaseline.GROUP).desiredCapacity(3));
        assertThat(plan(account.provider(), fixture.environment()).hasWrites()).isFalse();

        account.hand().autoScaling().updateAutoScalingGroup(r -> r.autoScalingGroupName(AwsBaseline.GROUP).minSize(3));
        account.hand().autoScaling().putScheduledUpdateGroupAction(r -> r.autoScalingGroupName(AwsBaseline.GROUP)
                .scheduledActionName("nightly-scale-down").recurrence("0 23 * * *").minSize(1).maxSize(2)
                .desiredCapacity(1));
        account.hand().autoScaling().deletePolicy(r -> r.autoScalingGroupName(AwsBaseline.GROUP).policyName("cpu-50"));
        ChangeSet drift = plan(account.provider(), fixture.environment());
        assertThat(drift.with(Action.UPDATE)).anySatisfy(c -> {
            assertThat(c.key().name()).isEqualTo(AwsBaseline.GROUP);
            assertThat(c.fields()).extracting(FieldChange::path).containsExactly("min");
        }).anySatisfy(c -> {
            assertThat(c.key().name()).isEqualTo("nightly-scale-down");
            assertThat(c.fields()).containsExactly(new FieldChange("recurrence", "0 22 * * *", "0 23 * * *"));
        });
        assertThat(drift.with(Action.CREATE)).extracting(c -> c.key().name()).containsExactly("cpu-50");

        account.provider().apply(fixture.environment(), drift);
        assertThat(plan(account.provider(), fixture.environment()).hasWrites()).isFalse();
    }

    @Test
    void ecrNodegroupAndDnsChangesAreAppliedAndHandEditsReported() {
        Fixture fixture = Fixture.load("aws/production.yaml");
        apply(account.provider(), fixture.environment());
        account.hand().ecr().putImageTagMutability(r -> r.repositoryName("frontend").imageTagMutability("MUTABLE"));
        account.hand().route53().changeResourceRecordSets(r -> r.hostedZoneId(account.seeded().zoneId()).changeBatch(b -> b.changes(
                c -> c.action("UPSERT").resourceRecordSet(s -> s.name("www.example.com").type("CNAME").ttl(60L)
                        .resourceRecords(v -> v.value("elsewhere.example.net"))))));
        ChangeSet drift = plan(account.provider(), fixture.environment());
        assertThat(drift.with(Action.UPDATE)).anySatisfy(c -> assertThat(c.fields())
                .containsExactly(new FieldChange("tagMutability", "IMMUTABLE", "MUTABLE")))
                .anySatisfy(c -> assertThat(c.fields()).extracting(FieldChange::path).containsExactly("ttl", "values[0]"));

        fixture.at("/spec/aws/eks/nodegroups/0").put("max", 6);
        fixture.at("/spec/aws/ecr/repositories/1").put("scanOnPush", false);
        account.provider().calls().clear();
        ChangeSet change = plan(account.provider(), fixture.environment());
        account.provider().apply(fixture.environment(), change);
        assertThat(account.provider().calls().writes()).extracting(CallCounter.Call::operation).containsExactlyInAnyOrder(
                "PutImageTagMutability", "PutImageScanningConfiguration", "UpdateNodegroupConfig",
                "ChangeResourceRecordSets");
        assertThat(plan(account.provider(), fixture.environment()).hasWrites()).isFalse();
    }

    @Test
    void listenerCertificateIsChangedInPlace() {
        Fixture fixture = Fixture.load("aws/production.yaml");
        apply(account.provider(), fixture.environment());
        fixture.at("/spec/aws/certificates/0").put("domain", "shop.example.com");
        fixture.at("/spec/aws/loadBalancers/0/listeners/1").put("certificate", "shop.example.com");
        account.provider().calls().clear();
        apply(account.provider(), fixture.environment());
        assertThat(account.provider().calls().writes()).extracting(CallCounter.Call::operation)
                .contains("RequestCertificate", "ModifyListener").doesNotContain("DeleteListener", "CreateListener");
        var listeners = account.hand().elb().describeListeners(r -> r.loadBalancerArn(account.hand().elb().describeLoadBalancers(
                l -> l.names("frontend-alb")).loadBalancers().get(0).loadBalancerArn())).listeners();
        String arn = listeners.stream().filter(l -> l.port() == 443).findFirst().orElseThrow().certificates().get(0)
                .certificateArn();
        assertThat(account.hand().acm().describeCertificate(r -> r.certificateArn(arn)).certificate().domainName())
                .isEqualTo("shop.example.com");
        assertThat(plan(account.provider(), fixture.environment()).hasWrites()).isFalse();
    }

    @Test
    void unmarkedAndSharedResourcesAreNeverDeletedAndMassDeletionIsRefused() {
        Fixture fixture = Fixture.load("aws/production.yaml");
        fixture.at("/spec/sync").put("prune", true).put("maxDeletePercent", 10);
        apply(account.provider(), fixture.environment());
        account.hand().ecr().createRepository(r -> r.repositoryName("someone-elses"));
        account.hand().autoScaling().createOrUpdateTags(r -> r.tags(t -> t.resourceId(AwsBaseline.GROUP)
                .resourceType("auto-scaling-group").key("kubernetes.io/cluster/other").value("shared")
                .propagateAtLaunch(false)));
        fixture.at("/spec/aws/autoscaling/groups/0").remove("scheduledActions");
        fixture.at("/spec/aws/dns/0").putArray("records");

        ChangeSet plan = plan(account.provider(), fixture.environment());
        assertThat(plan.with(Action.ORPHAN)).extracting(c -> c.key().toString()).contains(
                "aws ScheduledAction hopper-t2-medium-nodes/weekend");
        // An undeclared repository without the environment's marks is not observed: it could never be deleted.
        assertThat(plan.changes()).extracting(c -> c.key().toString())
                .doesNotContain("aws EcrRepository someone-elses");
        assertThat(plan.with(Action.DELETE)).extracting(c -> c.key().kind()).containsOnly("DnsRecord");
        assertThatThrownBy(() -> Guarded.apply(account.provider(), fixture.environment(), plan))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("Plumbline-Allow-Deletes: 3");

        List<ObjectResult> allowed = account.provider().apply(fixture.environment("drop DNS\n\nPlumbline-Allow-Deletes: 3"),
                plan);
        assertThat(allowed).filteredOn(r -> r.result() == ObjectResult.Result.DELETED).hasSize(3);
        assertThat(account.hand().ecr().describeRepositories(r -> r.repositoryNames("someone-elses")).repositories())
                .hasSize(1);
        assertThat(account.hand().autoScaling().describeScheduledActions(r -> r.autoScalingGroupName(AwsBaseline.GROUP))
                .scheduledUpdateGroupActions()).hasSize(3);
    }
}
