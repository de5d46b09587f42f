package io.plumbline.provider.aws;

import static io.plumbline.provider.aws.Reconciles.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.FieldChange;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.RefusedException;
import io.plumbline.render.aws.PolicyDocuments;
import io.plumbline.testing.Guarded;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The hopper environment's roles, inline policies and instance profiles against moto: created from nothing, left
 * alone when true, drift in documents and tags shown field by field and restored, each kind pruned, and a role made
 * by hand left alone. Every check reads IAM through separate SDK clients.
 */
class IamIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    final SeededAccount account = new SeededAccount(MOTO);
    private IamEnvironment hopper;

    @BeforeEach
    void start() {
        hopper = new IamEnvironment();
    }

    private void applyClean(LoadedEnvironment env) {
        List<ObjectResult> results = account.provider().apply(env, plan(account.provider(), env));
        assertThat(results).filteredOn(r -> r.result() == ObjectResult.Result.FAILED).isEmpty();
        assertThat(plan(account.provider(), env).hasWrites()).isFalse();
    }

    private Map<String, Object> inline(String role, String policy) {
        String text = account.hand().iam().getRolePolicy(r -> r.roleName(role).policyName(policy)).policyDocument();
        return PolicyDocuments.canonical(Json.map(text.startsWith("{") ? text
                : URLDecoder.decode(text, StandardCharsets.UTF_8)));
    }

    private Map<String, String> roleTags(String role) {
        return account.hand().iam().listRoleTags(r -> r.roleName(role)).tags().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
    }

    @Test
    void createsRolesPoliciesAndProfilesFromNothingThenWritesNothing() {
        ChangeSet first = plan(account.provider(), hopper.load());
        assertThat(first.with(Action.CREATE)).extracting(c -> c.key().toString()).containsExactly(
                "aws IamRole K8sMaster", "aws IamRole K8sNode",
                "aws IamRolePolicy K8sMaster/k8s-master", "aws IamRolePolicy K8sMaster/vpc-cni",
                "aws IamRolePolicy K8sNode/k8s-node", "aws IamRolePolicy K8sNode/vpc-cni",
                "aws IamInstanceProfile K8sMaster", "aws IamInstanceProfile K8sNode");
        assertThat(account.provider().apply(hopper.load(), first)).allMatch(r -> r.result() == ObjectResult.Result.CREATED);

        assertThat(roleTags("K8sNode")).containsEntry("plumbline:environment", "hopper")
                .containsEntry("plumbline:managed", "true").containsEntry("kubernetes.io/cluster/hopper", "owned");
        assertThat(inline("K8sNode", "k8s-node")).isEqualTo(PolicyDocuments.canonical(Json.map(
                Json.file("example-repo/iam/k8s-node.json"))));
        assertThat(account.hand().iam().getInstanceProfile(r -> r.instanceProfileName("K8sMaster")).instanceProfile()
                .roles()).extracting(r -> r.roleName()).containsExactly("K8sMaster");

        account.provider().calls().clear();
        ChangeSet second = plan(account.provider(), hopper.load());
        assertThat(second.hasWrites()).isFalse();
        // One read per IAM type: roles with their policies and tags, then instance profiles (moto lists their tags).
        assertThat(account.provider().calls().calls()).extracting(IamPolicy::action)
                .filteredOn(a -> a.startsWith("iam:"))
                .containsExactly("iam:GetAccountAuthorizationDetails", "iam:ListInstanceProfiles");
    }

    @Test
    void anEnvironmentWithoutIamThatDoesNotPruneMakesNoIamCall() {
        plan(account.provider(), Fixture.load("aws/production.yaml").environment());

        assertThat(account.provider().calls().calls()).extracting(IamPolicy::action).noneMatch(a -> a.startsWith("iam:"));
    }

    @Test
    void policyDriftIsShownAsAJsonDiffAndRestored() {
        applyClean(hopper.load());
        // The same document as IAM reads it, spelled differently: one statement object, one string, keys reordered.
        account.hand().iam().putRolePolicy(r -> r.roleName("K8sMaster").policyName("vpc-cni").policyDocument("""
                {"Statement": [{"Resource": "*", "Effect": "Allow", "Sid": "PodNetworkInterfaces", "Action": [
                  "ec2:UnassignPrivateIpAddresses", "ec2:AssignPrivateIpAddresses", "ec2:AttachNetworkInterface",
                  "ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "ec2:DescribeInstanceTypes",
                  "ec2:DescribeInstances", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DescribeTags",
                  "ec2:DetachNetworkInterface", "ec2:ModifyNetworkInterfaceAttribute"]},
                  {"Sid": "TagPodNetworkInterfaces", "Effect": "Allow", "Action": ["ec2:CreateTags"],
                   "Resource": ["arn:aws:ec2:*:*:network-interface/*"]}],
                 "Version": "2012-10-17"}"""));
        assertThat(plan(account.provider(), hopper.load()).hasWrites()).as("equal documents are no drift").isFalse();

        account.hand().iam().putRolePolicy(r -> r.roleName("K8sNode").policyName("k8s-node").policyDocument("""
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "KubernetesAwsCloudProviderNode", "Effect": "Allow",
                   "Action": ["ec2:DescribeInstances", "ec2:DescribeRegions", "ec2:TerminateInstances"], "Resource": "*",
                   "Condition": {"StringEquals": {"aws:RequestedRegion": "us-west-2"}}}]}"""));
        ChangeSet drift = plan(account.provider(), hopper.load());
        Change changed = drift.with(Action.UPDATE).stream().filter(c -> c.key().toString()
                .equals("aws IamRolePolicy K8sNode/k8s-node")).findFirst().orElseThrow();
        assertThat(drift.with(Action.UPDATE)).singleElement();
        assertThat(changed.fields()).containsExactly(
                new FieldChange("document.Statement[0].Action[2]", null, "ec2:TerminateInstances"),
                new FieldChange("document.Statement[0].Condition", null,
                        Map.of("StringEquals", Map.of("aws:RequestedRegion", List.of("us-west-2")))),
                new FieldChange("document.Statement[1]", ((List<?>) PolicyDocuments.canonical(Json.map(
                        Json.file("example-repo/iam/k8s-node.json"))).get("Statement")).get(1), null));

        applyClean(hopper.load());
        assertThat(inline("K8sNode", "k8s-node")).isEqualTo(PolicyDocuments.canonical(Json.map(
                Json.file("example-repo/iam/k8s-node.json"))));
    }

    @Test
    void driftInTagsTrustAndAttachmentsIsRestored() {
        applyClean(hopper.load());
        String arn = account.hand().iam().createPolicy(r -> r.policyName("by-hand").policyDocument("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}"""))
                .policy().arn();
        account.hand().iam().attachRolePolicy(r -> r.roleName("K8sNode").policyArn(arn));
        account.hand().iam().tagRole(r -> r.roleName("K8sNode").tags(Tag.builder()
                .key("kubernetes.io/cluster/hopper").value("other").build()));
        account.hand().iam().updateAssumeRolePolicy(r -> r.roleName("K8sMaster").policyDocument("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                 "Action": "sts:AssumeRole"}]}"""));

        ChangeSet drift = plan(account.provider(), hopper.load());
        assertThat(drift.with(Action.UPDATE)).extracting(c -> c.key() + " " + c.fields()).containsExactly(
                "aws IamRole K8sMaster [FieldChange[path=assumeRolePolicy.Statement[0].Principal.Service[0], "
                        + "wanted=ec2.amazonaws.com, found=lambda.amazonaws.com]]",
                "aws IamRole K8sNode [FieldChange[path=managedPolicies, wanted=[], found=[" + arn + "]], "
                        + "FieldChange[path=tags.kubernetes.io/cluster/hopper, wanted=owned, found=other]]");

        applyClean(hopper.load());
        assertThat(roleTags("K8sNode")).containsEntry("kubernetes.io/cluster/hopper", "owned");
        assertThat(account.hand().iam().listAttachedRolePolicies(r -> r.roleName("K8sNode")).attachedPolicies())
                .isEmpty();

        hopper.edit("          tags: {kubernetes.io/cluster/hopper: owned}\n      instanceProfiles:",
                "          tags: {kubernetes.io/cluster/hopper: owned}\n          managedPolicies: [" + arn
                        + "]\n      instanceProfiles:");
        applyClean(hopper.load());
        assertThat(account.hand().iam().listAttachedRolePolicies(r -> r.roleName("K8sNode")).attachedPolicies())
                .extracting(p -> p.policyArn()).containsExactly(arn);
    }

    @Test
    void eachKindIsPrunedWhenNoLongerDeclared() {
        applyClean(hopper.load());

        hopper.edit("            - {name: vpc-cni, file: iam/vpc-cni.json}\n          tags: {kubernetes.io/cluster/hopper: "
                + "owned}\n      instanceProfiles:", "          tags: {kubernetes.io/cluster/hopper: owned}\n"
                + "      instanceProfiles:").edit("        - {name: K8sNode, role: K8sNode}\n", "");
        ChangeSet removal = plan(account.provider(), hopper.load());
        assertThat(removal.with(Action.DELETE)).extracting(c -> c.key().toString()).containsExactlyInAnyOrder(
                "aws IamRolePolicy K8sNode/vpc-cni", "aws IamInstanceProfile K8sNode");
        applyClean(hopper.load("drop the node profile\n\nPlumbline-Allow-Deletes: 2"));
        assertThat(account.hand().iam().listRolePolicies(r -> r.roleName("K8sNode")).policyNames())
                .containsExactly("k8s-node");
        assertThat(account.hand().iam().listInstanceProfiles().instanceProfiles()).extracting(p -> p
                .instanceProfileName()).containsExactly("K8sMaster");

        // The master role goes with everything it holds: its profile, then its inline policies, then the role.
        String text = hopper.text();
        hopper.edit(text.substring(text.indexOf("        - name: K8sMaster"), text.indexOf("        - name: K8sNode")), "")
                .edit("      instanceProfiles:\n        - {name: K8sMaster, role: K8sMaster}\n", "      instanceProfiles: []\n");
        ChangeSet master = plan(account.provider(), hopper.load());
        assertThat(master.with(Action.DELETE)).extracting(c -> c.key().toString()).containsExactlyInAnyOrder(
                "aws IamRole K8sMaster", "aws IamRolePolicy K8sMaster/k8s-master", "aws IamRolePolicy K8sMaster/vpc-cni",
                "aws IamInstanceProfile K8sMaster");
        assertThatThrownBy(() -> Guarded.apply(account.provider(), hopper.load("drop the master"), master))
                .as("the deletion guard covers IAM").isInstanceOf(RefusedException.class);
        applyClean(hopper.load("drop the master\n\nPlumbline-Allow-Deletes: 4"));
        assertThat(account.hand().iam().listRoles().roles()).extracting(r -> r.roleName()).containsExactly("K8sNode");
        assertThat(account.hand().iam().listInstanceProfiles().instanceProfiles()).isEmpty();
    }

    @Test
    void aRoleMadeByHandIsLeftAloneUntilAdopted() {
        account.hand().iam().createRole(r -> r.roleName("K8sMaster").assumeRolePolicyDocument("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"},
                 "Action": "sts:AssumeRole"}]}"""));
        account.hand().iam().putRolePolicy(r -> r.roleName("K8sMaster").policyName("legacy").policyDocument("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}"""));

        ChangeSet plan = plan(account.provider(), hopper.load());
        assertThat(plan.changes()).filteredOn(c -> c.key().toString().contains("K8sMaster"))
                .extracting(c -> c.action() + " " + c.key()).containsExactlyInAnyOrder(
                        "ADOPT aws IamRole K8sMaster", "ADOPT aws IamRolePolicy K8sMaster/k8s-master",
                        "ADOPT aws IamRolePolicy K8sMaster/vpc-cni", "ORPHAN aws IamRolePolicy K8sMaster/legacy",
                        "CREATE aws IamInstanceProfile K8sMaster");
        account.provider().apply(hopper.load(), plan);
        assertThat(roleTags("K8sMaster")).isEmpty();
        assertThat(account.hand().iam().listRolePolicies(r -> r.roleName("K8sMaster")).policyNames())
                .containsExactly("legacy");

        hopper.edit("        - name: K8sMaster\n", "        - name: K8sMaster\n          adopt: true\n");
        ChangeSet adopting = plan(account.provider(), hopper.load());
        assertThat(adopting.with(Action.UPDATE)).extracting(c -> c.key().toString()).containsExactly(
                "aws IamRole K8sMaster", "aws IamRolePolicy K8sMaster/k8s-master", "aws IamRolePolicy K8sMaster/vpc-cni");
        account.provider().apply(hopper.load(), adopting);
        assertThat(roleTags("K8sMaster")).containsEntry("plumbline:environment", "hopper");
        assertThat(account.hand().iam().listRolePolicies(r -> r.roleName("K8sMaster")).policyNames())
                .containsExactlyInAnyOrder("legacy", "k8s-master", "vpc-cni");
    }
}
