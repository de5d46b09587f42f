package io.plumbline.provider.aws;

import static io.plumbline.provider.aws.Reconciles.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.model.Action;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.ObjectResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Prune deletes exactly what carries the environment's marks and is no longer declared, children of removed
 * parents included, and nothing else. Every check reads AWS through separate SDK clients.
 */
class PruneIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    final SeededAccount account = new SeededAccount(MOTO);
    private Foreign foreign;

    /** The example with pruning on and one more group, {@code cache}, that Plumbline creates. */
    private static Fixture example() {
        Fixture fixture = Fixture.load("aws/production.yaml");
        fixture.at("/spec/sync").put("prune", true);
        ObjectNode cache = ((ArrayNode) fixture.tree().at("/spec/aws/securityGroups")).addObject()
                .put("name", "cache").put("vpc", "hopper").put("description", "Redis for the backends");
        cache.putObject("tags").put("team", "data");
        cache.putArray("ingress").addObject().put("protocol", "tcp").put("port", 6379).put("from", "sg:k8s-nodes");
        return fixture;
    }

    private void applyClean(Fixture fixture, String message) {
        ChangeSet plan = plan(account.provider(), fixture.environment(message));
        List<ObjectResult> results = account.provider().apply(fixture.environment(message), plan);
        assertThat(results).filteredOn(r -> r.result() == ObjectResult.Result.FAILED).isEmpty();
        assertThat(plan(account.provider(), fixture.environment(message)).filter(c -> c.action().writes())).isEmpty();
    }

    @Test
    void removingALoadBalancerAZoneAndAGroupPrunesEveryOwnedChildAndKeepsForeignOnes() {
        Fixture fixture = example();
        applyClean(fixture, "first");
        foreign = Foreign.add(account.hand(), account.seeded());

        ((ArrayNode) fixture.tree().at("/spec/aws/loadBalancers")).removeAll();
        ((ArrayNode) fixture.tree().at("/spec/aws/dns")).removeAll();
        ArrayNode groups = (ArrayNode) fixture.tree().at("/spec/aws/securityGroups");
        groups.remove(3);
        groups.remove(1);
        ChangeSet plan = plan(account.provider(), fixture.environment());
        assertThat(plan.with(Action.DELETE)).extracting(c -> c.key().toString()).containsExactlyInAnyOrder(
                "aws Listener frontend-alb/80", "aws Listener frontend-alb/443",
                "aws DnsRecord example.com/thoughts.example.com A", "aws DnsRecord example.com/www.example.com CNAME",
                "aws DnsRecord example.com/example.com TXT",
                "aws SecurityGroupRule k8s-master/ingress:tcp:22:sg:ssh-bastion",
                "aws SecurityGroupRule k8s-master/ingress:tcp:6443:sg:ssh-bastion",
                "aws SecurityGroupRule k8s-master/ingress:tcp:6443:sg:k8s-nodes",
                "aws SecurityGroupRule k8s-master/ingress:all:sg:k8s-nodes",
                "aws SecurityGroupRule cache/ingress:tcp:6379:sg:k8s-nodes", "aws SecurityGroup hopper/cache");

        applyClean(fixture, "drop the edge\n\nPlumbline-Allow-Deletes: 11");
        assertThat(foreign.stillThere(account.hand())).isTrue();
        assertThat(Owned.listeners(account.hand())).isZero();
        assertThat(Owned.securityGroupRulesIn(account.hand(), account.seeded().masterId())).isZero();
        assertThat(account.hand().ec2().describeSecurityGroups(r -> r.filters(f -> f.name("group-name").values("cache")))
                .securityGroups()).isEmpty();
        assertThat(Owned.recordNames(account.hand(), account.seeded().zoneId())).noneMatch(n -> n.startsWith("thoughts.")
                || n.startsWith("www.") || n.startsWith("_plumbline-a.") || n.startsWith("_plumbline-txt."));
    }

    @Test
    void removingEverythingWithTheTrailerLeavesNoOwnedObjectAndTouchesNoForeignOne() {
        Fixture fixture = example();
        applyClean(fixture, "first");
        assertThat(Owned.count(account.hand(), account.seeded().zoneId())).isGreaterThan(20);
        foreign = Foreign.add(account.hand(), account.seeded());

        ObjectNode aws = fixture.at("/spec/aws");
        aws.retain("region", "accountId");
        ChangeSet plan = plan(account.provider(), fixture.environment());
        long deletes = plan.with(Action.DELETE).size();
        assertThat(plan.filter(c -> c.actual() != null && c.actual().owned()))
                .allMatch(c -> c.action() == Action.DELETE);

        applyClean(fixture, "tear down\n\nPlumbline-Allow-Deletes: " + deletes);
        assertThat(Owned.count(account.hand(), account.seeded().zoneId())).isZero();
        assertThat(foreign.stillThere(account.hand())).isTrue();
        assertThat(account.hand().ec2().describeSecurityGroups(r -> r.groupIds(account.seeded().masterId(), account.seeded().nodesId(),
                account.seeded().bastionId())).securityGroups()).hasSize(3);
    }

    @Test
    void aCertificateRemovedFromTheFileIsDeletedWithItsValidationRecords() {
        Fixture fixture = example();
        applyClean(fixture, "first");
        assertThat(Owned.recordNames(account.hand(), account.seeded().zoneId())).anyMatch(PruneIT::validationRecord)
                .anyMatch(n -> n.startsWith("_plumbline-cname._"));

        ((ArrayNode) fixture.tree().at("/spec/aws/loadBalancers/0/listeners")).remove(1);
        ((ArrayNode) fixture.tree().at("/spec/aws/certificates")).removeAll();
        ChangeSet plan = plan(account.provider(), fixture.environment());
        assertThat(plan.with(Action.DELETE)).extracting(c -> c.key().kind()).contains("Certificate", "Listener",
                "DnsRecord");

        applyClean(fixture, "no TLS\n\nPlumbline-Allow-Deletes: 5");
        assertThat(account.hand().acm().listCertificates(r -> { }).certificateSummaryList()).isEmpty();
        assertThat(Owned.recordNames(account.hand(), account.seeded().zoneId())).noneMatch(PruneIT::validationRecord)
                .noneMatch(n -> n.startsWith("_plumbline-cname._")).contains("_plumbline-a.thoughts.example.com.");
    }

    /** ACM's validation records are named {@code _<hash>.<domain>}. */
    private static boolean validationRecord(String name) {
        return name.startsWith("_") && !name.startsWith("_plumbline-");
    }
}
