package io.plumbline.provider.aws;

import static io.plumbline.provider.aws.Reconciles.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.importer.ImportedFiles;
import io.plumbline.importer.ImportedPart;
import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * The round trip on moto seeded with the account the demo starts from and hopper built by hand (with a gateway, a
 * route table, IAM, scheduled scaling and records added by hand): import with zero write calls, then the first plan
 * only adopts (its only writes are Plumbline's marks), an apply writes nothing else, and the next plan is empty.
 */
class AwsImportIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    final SeededAccount account = new SeededAccount(MOTO);

    @TempDir
    Path repo;

    @Test
    void anImportOfHopperBuiltByHandPlansOnlyAdoptionsAndAppliesOnlyMarks() throws Exception {
        byHand(account.hand(), account.seeded());
        CallCounter calls = new CallCounter();
        ImportedPart part = AwsImport.read(MOTO.connection(), new AwsImportScope("us-west-2",
                account.seeded().vpcId(), null, Map.of("team", "platform"), List.of("example.com")), "hopper", calls);
        assertThat(calls.calls()).hasSizeGreaterThan(10);
        assertThat(calls.writes()).as("an import only reads").isEmpty();
        assertThat(part.counts()).containsEntry("VPC", 1).containsEntry("subnet", 2).containsEntry("security group", 3)
                .containsEntry("internet gateway", 1).containsEntry("route table", 1).containsEntry("IAM role", 1)
                .containsEntry("IAM instance profile", 1).containsEntry("Auto Scaling group", 1)
                .containsEntry("scheduled action", 1).containsEntry("target tracking policy", 1)
                .containsEntry("Route53 record", 2);
        LoadedEnvironment env = ImportedFiles.writeAndLoad(repo, "hopper", part);
        String text = Files.readString(repo.resolve("environments/hopper.yaml"));
        assertThat(text).contains("# " + account.seeded().vpcId(), "adopt: true", "file: iam/K8sNode-k8s-node.json",
                "{name: nightly, recurrence: \"0 22 * * *\", min: 1, max: 1, desired: 1}");
        assertThat(repo.resolve("iam/K8sNode-k8s-node.json")).content().contains("ec2:DescribeInstances");

        ChangeSet first = plan(account.provider(), env);
        assertThat(first.with(Action.CREATE)).isEmpty();
        assertThat(first.with(Action.DELETE)).isEmpty();
        assertThat(first.filter(c -> c.action().writes() && !onlyMarks(c))).as("changes beyond adoption").isEmpty();
        assertThat(first.filter(AwsImportIT::onlyMarks)).hasSizeGreaterThan(8);
        List<ObjectResult> applied = account.provider().apply(env, first);
        assertThat(applied).noneMatch(r -> r.result() == ObjectResult.Result.FAILED);
        ChangeSet second = plan(account.provider(), env);
        assertThat(second.hasWrites()).as(second.toString()).isFalse();
        assertThat(second.with(Action.ADOPT)).isEmpty();
    }

    /** An adoption: an update whose only difference is that Plumbline's marks are missing. */
    static boolean onlyMarks(Change c) {
        return c.action() == Action.UPDATE && !c.fields().isEmpty()
                && c.fields().stream().allMatch(f -> f.path().equals("marks") || f.path().startsWith("tags.plumbline:"));
    }

    /** What the team added by hand beside the seeded account. */
    static void byHand(AwsClients hand, AwsBaseline.Seeded seeded) {
        var ec2 = hand.ec2();
        String igw = ec2.createInternetGateway(r -> r.tagSpecifications(s -> s.resourceType(
                ResourceType.INTERNET_GATEWAY).tags(AwsBaseline.tag("Name", "hopper-igw")))).internetGateway()
                .internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(seeded.vpcId()));
        String table = ec2.createRouteTable(r -> r.vpcId(seeded.vpcId()).tagSpecifications(s -> s.resourceType(
                ResourceType.ROUTE_TABLE).tags(AwsBaseline.tag("Name", "hopper-public")))).routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(seeded.masterId()).ipPermissions(p -> p.ipProtocol("tcp")
                .fromPort(6443).toPort(6443).userIdGroupPairs(g -> g.groupId(seeded.nodesId()))));
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(seeded.nodesId()).ipPermissions(p -> p.ipProtocol("-1")
                .userIdGroupPairs(g -> g.groupId(seeded.nodesId()))));
        hand.iam().createRole(r -> r.roleName("K8sNode").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}").tags(t -> t.key("team").value("platform")));
        hand.iam().putRolePolicy(r -> r.roleName("K8sNode").policyName("k8s-node").policyDocument("{\"Version\":"
                + "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ec2:DescribeInstances\"],"
                + "\"Resource\":\"*\"}]}"));
        // tagged: moto 5.2 has no ListInstanceProfileTags, which the provider reads an untagged profile's tags with
        hand.iam().createInstanceProfile(r -> r.instanceProfileName("K8sNode").tags(t -> t.key("team").value("platform")));
        hand.iam().addRoleToInstanceProfile(r -> r.instanceProfileName("K8sNode").roleName("K8sNode"));
        var scaling = hand.autoScaling();
        scaling.updateAutoScalingGroup(r -> r.autoScalingGroupName(AwsBaseline.GROUP).maxSize(3));
        scaling.putScheduledUpdateGroupAction(r -> r.autoScalingGroupName(AwsBaseline.GROUP)
                .scheduledActionName("nightly").recurrence("0 22 * * *").minSize(1).maxSize(1).desiredCapacity(1));
        scaling.putScalingPolicy(r -> r.autoScalingGroupName(AwsBaseline.GROUP).policyName("cpu-50")
                .policyType("TargetTrackingScaling").targetTrackingConfiguration(t -> t.targetValue(50.0)
                        .predefinedMetricSpecification(m -> m.predefinedMetricType("ASGAverageCPUUtilization"))));
        String zone = seeded.zoneId().replaceFirst("^/hostedzone/", "");
        hand.route53().changeResourceRecordSets(r -> r.hostedZoneId(zone).changeBatch(b -> b.changes(
                c -> c.action("CREATE").resourceRecordSet(s -> s.name("bastion.example.com").type("A").ttl(300L)
                        .resourceRecords(v -> v.value("203.0.113.10"))),
                c -> c.action("CREATE").resourceRecordSet(s -> s.name("example.com").type("TXT").ttl(300L)
                        .resourceRecords(v -> v.value("\"v=spf1 -all\""))))));
    }
}
