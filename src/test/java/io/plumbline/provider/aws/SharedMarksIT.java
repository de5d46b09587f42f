package io.plumbline.provider.aws;

import static io.plumbline.provider.aws.EcrOwnershipAtScaleIT.environment;
import static io.plumbline.provider.aws.Reconciles.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Action;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Marks;
import io.plumbline.model.ObjectResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * What carries an environment's marks (instances, security-group rules, certificates and security groups through the
 * tagging API) is searched once for every environment of the account, by the environment tag's key, and each
 * environment keeps its own: a round of plans makes each search once, each environment still finds and prunes exactly
 * what carries its own marks, a plan after an apply searches again, and a deletion still rests on the marks the
 * object carries when it is deleted.
 */
class SharedMarksIT {
    /** The searches by the environment tag, made by every pruning environment. */
    private static final List<String> SEARCHES = List.of("DescribeInstances", "DescribeSecurityGroupRules",
            "GetResources");

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    final SeededAccount account = SeededAccount.emptySharingReads(MOTO);

    /** The marks of {@code environment}, or only its environment tag when not {@code managed}. */
    private static List<Tag> marks(String environment, boolean managed) {
        List<Tag> tags = new ArrayList<>(List.of(AwsBaseline.tag(Marks.AWS_ENVIRONMENT_TAG, environment)));
        if (managed) {
            tags.add(AwsBaseline.tag(Marks.AWS_MANAGED_TAG, "true"));
        }
        return tags;
    }

    private String instance(String name, String environment, boolean managed) {
        List<Tag> tags = new ArrayList<>(marks(environment, managed));
        tags.add(AwsBaseline.tag("Name", name));
        return account.hand().ec2().runInstances(r -> r.imageId("ami-1e749f67").instanceType("t2.nano").minCount(1)
                .maxCount(1).tagSpecifications(s -> s.resourceType(ResourceType.INSTANCE).tags(tags))).instances()
                .get(0).instanceId();
    }

    /** A group, marked for {@code environment} unless {@code null}; returns its id. */
    private String group(String name, String environment) {
        List<Tag> tags = new ArrayList<>(environment == null ? List.of() : marks(environment, true));
        tags.add(AwsBaseline.tag("Name", name));
        return account.hand().ec2().createSecurityGroup(r -> r.groupName(name).description(name)
                .tagSpecifications(s -> s.resourceType(ResourceType.SECURITY_GROUP).tags(tags))).groupId();
    }

    /** An ingress rule on port {@code port}; returns its id. */
    private String rule(String groupId, int port, String environment, boolean managed) {
        return account.hand().ec2().authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(p -> p
                .ipProtocol("tcp").fromPort(port).toPort(port).ipRanges(i -> i.cidrIp("10.0.0.0/8")))
                .tagSpecifications(s -> s.resourceType(ResourceType.SECURITY_GROUP_RULE)
                        .tags(marks(environment, managed)))).securityGroupRules().get(0).securityGroupRuleId();
    }

    private String certificate(String domain, String environment, boolean managed) {
        return account.hand().acm().requestCertificate(r -> r.domainName(domain).tags(marks(environment, managed)
                .stream().map(t -> software.amazon.awssdk.services.acm.model.Tag.builder().key(t.key())
                        .value(t.value()).build()).toList())).certificateArn();
    }

    /** Everything an environment owns of the searched kinds, and what only names it, of {@code env-0} and {@code env-1}. */
    private void markedForTwoEnvironments() {
        for (String env : List.of("env-0", "env-1")) {
            instance(env + "-box", env, true);
            rule(group(env + "-old", env), 443, env, true);
            certificate(env + ".example.com", env, true);
        }
        instance("env-0-unmanaged", "env-0", false);
        rule(group("team", null), 22, "env-0", false);
        certificate("unmanaged.example.com", "env-0", false);
    }

    /** {@code name}, at a commit that allows {@code deletes} deletions. */
    private static LoadedEnvironment allowingDeletes(String name, int deletes) {
        Fixture fixture = Fixture.load("aws/ecr.yaml");
        fixture.at("/metadata").put("name", name);
        fixture.at("/spec/aws/ecr/repositories/0").put("name", name + "-app");
        return fixture.environment("prune\n\nPlumbline-Allow-Deletes: " + deletes);
    }

    private static List<String> deletes(ChangeSet plan) {
        return plan.with(Action.DELETE).stream().map(c -> c.key().toString()).toList();
    }

    private static List<String> owned(String env) {
        return List.of("aws Instance " + env + "-box", "aws SecurityGroup " + env + "-old",
                "aws SecurityGroupRule " + env + "-old/ingress:tcp:443:10.0.0.0/8",
                "aws Certificate " + env + ".example.com");
    }

    private Map<String, Long> searches() {
        return account.provider().calls().calls().stream().filter(c -> SEARCHES.contains(c.operation()))
                .collect(Collectors.groupingBy(CallCounter.Call::operation, Collectors.counting()));
    }

    private List<String> instanceNames() {
        return account.hand().ec2().describeInstances(r -> r.filters(f -> f.name("instance-state-name")
                .values("running"))).reservations().stream().flatMap(r -> r.instances().stream())
                .map(i -> i.tags().stream().filter(t -> t.key().equals("Name")).findFirst().orElseThrow().value())
                .sorted().toList();
    }

    @Test
    void aRoundOfPlansSearchesTheMarksOnceAndEachEnvironmentFindsItsOwn() {
        markedForTwoEnvironments();
        account.provider().calls().clear();

        List<List<String>> found = IntStream.range(0, 3)
                .mapToObj(i -> deletes(plan(account.provider(), environment("env-" + i)))).toList();

        assertThat(found.get(0)).containsExactlyInAnyOrderElementsOf(owned("env-0"));
        assertThat(found.get(1)).containsExactlyInAnyOrderElementsOf(owned("env-1"));
        assertThat(found.get(2)).isEmpty();
        assertThat(searches()).containsExactlyInAnyOrderEntriesOf(SEARCHES.stream()
                .collect(Collectors.toMap(op -> op, op -> 1L)));
    }

    @Test
    void anApplyPrunesOnlyItsOwnAndThePlanAfterItSearchesAgain() {
        markedForTwoEnvironments();
        plan(account.provider(), environment("env-1"));
        LoadedEnvironment env = allowingDeletes("env-0", 4);
        ChangeSet planned = plan(account.provider(), env);

        assertThat(account.provider().apply(env, planned)).allSatisfy(r -> assertThat(r.result())
                .isNotEqualTo(ObjectResult.Result.FAILED));
        assertThat(instanceNames()).containsExactly("env-0-unmanaged", "env-1-box");
        assertThat(account.hand().ec2().describeSecurityGroups(r -> r.filters(f -> f.name("group-name")
                .values("env-0-old", "env-1-old", "team"))).securityGroups()).extracting(g -> g.groupName())
                .containsExactlyInAnyOrder("env-1-old", "team");
        assertThat(account.hand().acm().listCertificates().certificateSummaryList()).extracting(c -> c.domainName())
                .containsExactlyInAnyOrder("env-1.example.com", "unmanaged.example.com");

        account.provider().calls().clear();
        assertThat(plan(account.provider(), env).hasWrites()).as("read again after the writes").isFalse();
        assertThat(deletes(plan(account.provider(), environment("env-1")))).as("then shared")
                .containsExactlyInAnyOrderElementsOf(owned("env-1"));
        assertThat(searches()).containsExactlyInAnyOrderEntriesOf(SEARCHES.stream()
                .collect(Collectors.toMap(op -> op, op -> 1L)));
    }

    @Test
    void aDeletionReadsTheMarksAgainPastTheSharedSearch() {
        String instance = instance("env-0-box", "env-0", true);
        String rule = rule(group("team", null), 443, "env-0", true);
        String certificate = certificate("env-0.example.com", "env-0", true);
        LoadedEnvironment env = allowingDeletes("env-0", 3);
        ChangeSet planned = plan(account.provider(), env);
        assertThat(deletes(planned)).hasSize(3);

        account.hand().ec2().deleteTags(r -> r.resources(instance, rule).tags(marks("env-0", true)));
        account.hand().acm().removeTagsFromCertificate(r -> r.certificateArn(certificate).tags(t -> t
                .key(Marks.AWS_MANAGED_TAG).value("true")));
        // The search the plan rested on is still shared: a plan now would still find the marks.
        assertThat(deletes(plan(account.provider(), env))).hasSize(3);
        List<ObjectResult> results = account.provider().apply(env, planned);

        assertThat(results).filteredOn(r -> r.action() == Action.DELETE).hasSize(3).allSatisfy(r -> {
            assertThat(r.result()).isEqualTo(ObjectResult.Result.FAILED);
            assertThat(r.message()).contains("no longer carries this environment's marks");
        });
        assertThat(instanceNames()).containsExactly("env-0-box");
        assertThat(account.hand().ec2().describeSecurityGroupRules(r -> r.securityGroupRuleIds(rule))
                .securityGroupRules()).hasSize(1);
        assertThat(account.hand().acm().listCertificates().certificateSummaryList()).hasSize(1);
    }
}
