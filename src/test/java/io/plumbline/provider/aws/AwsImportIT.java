package io.plumbline.provider.aws;

import static io.plumbline.provider.aws.Reconciles.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.importer.Adoptions;
import io.plumbline.importer.ImportedFiles;
import io.plumbline.importer.ImportedPart;
import io.plumbline.model.Action;
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
        HandMadeAccount.add(account.hand(), account.seeded());
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
        assertThat(first.filter(c -> c.action().writes() && !Adoptions.onlyMarks(c))).as("changes beyond adoption").isEmpty();
        assertThat(first.filter(Adoptions::onlyMarks)).hasSizeGreaterThan(8);
        List<ObjectResult> applied = account.provider().apply(env, first);
        assertThat(applied).noneMatch(r -> r.result() == ObjectResult.Result.FAILED);
        ChangeSet second = plan(account.provider(), env);
        assertThat(second.hasWrites()).as(second.toString()).isFalse();
        assertThat(second.with(Action.ADOPT)).isEmpty();
    }

    @Test
    void aVpcWhoseNameAnotherVpcHasIsLeftOutWithItsGroups() {
        String twin = account.hand().ec2().createVpc(r -> r.cidrBlock("10.1.0.0/16").tagSpecifications(t -> t
                .resourceType(software.amazon.awssdk.services.ec2.model.ResourceType.VPC)
                .tags(AwsBaseline.tag("Name", "hopper")))).vpc().vpcId();
        CallCounter calls = new CallCounter();
        ImportedPart part = AwsImport.read(MOTO.connection(), new AwsImportScope("us-west-2",
                account.seeded().vpcId(), null, Map.of(), List.of()), "hopper", calls);
        assertThat(calls.writes()).isEmpty();
        assertThat(part.section()).containsEntry("network", null).containsEntry("securityGroups", null);
        assertThat(part.leftOut()).anySatisfy(l -> assertThat(l.toString()).isEqualTo("VPC " + account.seeded().vpcId()
                + " (hopper): its Name is also the Name of " + twin + ", and Plumbline knows a VPC by its Name: rename"
                + " one and import again"));
    }
}
