package io.plumbline.provider.aws;

import static io.plumbline.provider.aws.EcrOwnershipAtScaleIT.environment;
import static io.plumbline.provider.aws.Reconciles.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.plumbline.model.Action;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Marks;
import io.plumbline.model.ObjectResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ecr.model.Tag;

/**
 * Environments on one account and region share the account-wide lists within a short window: a round of plans lists
 * each such kind once, yet a plan after an apply sees what the apply wrote, and a deletion still rests on the marks
 * the object carries when it is deleted.
 */
class SharedReadsIT {
    private static final int ENVIRONMENTS = 4;
    /** Lists of the whole account or region that every pruning environment makes. */
    private static final List<String> ACCOUNT_WIDE = List.of("DescribeRepositories", "DescribeVpcs",
            "GetAccountAuthorizationDetails", "ListInstanceProfiles", "DescribeLaunchTemplates",
            "DescribeAutoScalingGroups", "DescribeLoadBalancers", "ListHostedZones", "GetResources",
            "DescribeInstances", "DescribeSecurityGroupRules");

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    final SeededAccount account = SeededAccount.emptySharingReads(MOTO);

    private void repository(String name, String environment) {
        account.hand().ecr().createRepository(r -> r.repositoryName(name).tags(
                Tag.builder().key(Marks.AWS_ENVIRONMENT_TAG).value(environment).build(),
                Tag.builder().key(Marks.AWS_MANAGED_TAG).value("true").build()));
    }

    private List<String> repositories() {
        return account.hand().ecr().describeRepositories().repositories().stream().map(r -> r.repositoryName())
                .sorted().toList();
    }

    private Map<String, Long> reads() {
        return account.provider().calls().calls().stream().collect(Collectors.groupingBy(
                CallCounter.Call::operation, Collectors.counting()));
    }

    @Test
    void aRoundOfPlansListsEachAccountWideKindOnceForAllEnvironments() {
        IntStream.range(0, ENVIRONMENTS).forEach(i -> repository("env-" + i + "-app", "env-" + i));
        account.provider().calls().clear();

        IntStream.range(0, ENVIRONMENTS).forEach(i -> plan(account.provider(), environment("env-" + i)));

        Map<String, Long> reads = reads();
        ACCOUNT_WIDE.forEach(op -> assertThat(reads.get(op)).as(op).isEqualTo(1L));
    }

    @Test
    void aPlanRightAfterAnApplySeesItsWritesThoughOtherEnvironmentsReadTheSameListsJustBefore() {
        repository("env-0-app", "env-0");
        repository("env-0-old", "env-0");
        repository("env-1-app", "env-1");
        plan(account.provider(), environment("env-1"));
        Fixture fixture = Fixture.load("aws/ecr.yaml");
        fixture.at("/metadata").put("name", "env-0");
        fixture.at("/spec/aws/ecr/repositories/0").put("name", "env-0-app");
        ((ArrayNode) fixture.tree().at("/spec/aws/ecr/repositories")).addObject().put("name", "env-0-new")
                .put("tagMutability", "IMMUTABLE").put("scanOnPush", true);
        LoadedEnvironment env = fixture.environment();
        ChangeSet planned = plan(account.provider(), env);
        assertThat(planned.changes()).filteredOn(c -> c.action().writes())
                .extracting(c -> c.action() + " " + c.key().name())
                .containsExactlyInAnyOrder("UPDATE env-0-app", "CREATE env-0-new", "DELETE env-0-old");

        assertThat(account.provider().apply(env, planned)).allSatisfy(r -> assertThat(r.result())
                .isNotEqualTo(ObjectResult.Result.FAILED));
        assertThat(repositories()).containsExactly("env-0-app", "env-0-new", "env-1-app");

        account.provider().calls().clear();
        assertThat(plan(account.provider(), env).hasWrites()).isFalse();
        plan(account.provider(), environment("env-1"));
        assertThat(reads().get("DescribeRepositories")).as("read again after the writes, then shared").isEqualTo(1L);
    }

    @Test
    void aDeletionReadsTheMarksAgainPastTheSharedLists() {
        repository("env-0-app", "env-0");
        String vpc = account.hand().ec2().createVpc(r -> r.cidrBlock("10.9.0.0/16").tagSpecifications(s -> s
                .resourceType(ResourceType.VPC).tags(AwsBaseline.tag("Name", "env-0-old-network"),
                        AwsBaseline.tag(Marks.AWS_ENVIRONMENT_TAG, "env-0"),
                        AwsBaseline.tag(Marks.AWS_MANAGED_TAG, "true")))).vpc().vpcId();
        LoadedEnvironment env = environment("env-0");
        ChangeSet planned = plan(account.provider(), env);
        assertThat(planned.with(Action.DELETE)).extracting(c -> c.key().name()).containsExactly("env-0-old-network");

        account.hand().ec2().deleteTags(r -> r.resources(vpc).tags(
                AwsBaseline.tag(Marks.AWS_ENVIRONMENT_TAG, "env-0"), AwsBaseline.tag(Marks.AWS_MANAGED_TAG, "true")));
        // The list the plan rested on is still shared: a plan now would still find the marks.
        assertThat(plan(account.provider(), env).with(Action.DELETE)).hasSize(1);
        List<ObjectResult> results = account.provider().apply(env, planned);

        assertThat(results).filteredOn(r -> r.key().name().equals("env-0-old-network")).singleElement()
                .satisfies(r -> {
                    assertThat(r.result()).isEqualTo(ObjectResult.Result.FAILED);
                    assertThat(r.message()).contains("no longer carries this environment's marks");
                });
        assertThat(account.hand().ec2().describeVpcs(r -> r.vpcIds(vpc)).vpcs()).hasSize(1);
    }
}
