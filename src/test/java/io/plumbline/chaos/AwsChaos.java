package io.plumbline.chaos;

import io.plumbline.provider.aws.AwsBaseline;
import io.plumbline.provider.aws.AwsClients;
import io.plumbline.provider.aws.Leftovers;
import io.plumbline.provider.aws.MotoServer;
import io.plumbline.provider.aws.TestClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * hopper and production from example-repo on moto (production's {@code spec.aws} only, on the account the example
 * expects: the EKS system). The commits cycle through: hopper and production as the example has them; a security
 * group added to hopper and an ECR repository and a certificate to production; hopper decommissioned (its
 * {@code spec.aws} emptied, with the trailer); everything as the example has it again. Foreign objects without
 * marks are planted beside them: an instance, an Elastic IP, a security group, an ECR repository, an IAM role.
 */
final class AwsChaos implements ChaosTarget {
    private static final String ACCOUNT = "033870383707";
    private static final String MARK = "plumbline:environment";
    private static final String HOPPER = "environments/hopper.yaml";
    private static final String PRODUCTION = "environments/production.yaml";
    private static final String TRAILER = "\n\nPlumbline-Allow-Deletes: 1000";

    private final MotoServer moto = MotoServer.withBionicImage(ACCOUNT);
    private AwsClients hand;
    private Map<String, String> foreign;

    @Override
    public String name() {
        return "aws";
    }

    @Override
    public List<String> environments() {
        return List.of("hopper", "production");
    }

    @Override
    public void start() throws IOException {
        moto.beforeAll(null);
        hand = TestClients.create(moto.connection());
        warmUp();
        AwsBaseline.Eksctl eksctl = AwsBaseline.seedForExample(hand);
        plantForeign(eksctl);
        foreign = foreign();
    }

    /** moto builds a region's EC2 backend (its images) on the first call, which a busy machine can take past a timeout. */
    private void warmUp() {
        for (int attempt = 1; ; attempt++) {
            try {
                hand.ec2().describeVpcs();
                return;
            } catch (SdkClientException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    @Override
    public String serviceSettings() {
        return "  aws: {endpoint: \"" + moto.endpoint() + "\"}\n";
    }

    @Override
    public List<String> planOptions() {
        return List.of("--aws-endpoint", moto.endpoint().toString());
    }

    @Override
    public int killWindowMillis() {
        return 12_000;
    }

    @Override
    public Step step(int n) {
        String hopper = example(HOPPER);
        String production = productionAws();
        if (n == 0) {
            return new Step("create", files(hopper, production), "The example's environments", false);
        }
        return switch ((n - 1) % 3) {
            case 0 -> new Step("add", files(withExtraGroup(hopper), withExtras(production)),
                    "A security group, an ECR repository and a certificate more", false);
            case 1 -> new Step("decommission hopper", files(withoutAws(hopper), withExtras(production)),
                    "Take hopper down" + TRAILER, true);
            default -> new Step("create again", files(hopper, production), "hopper back, the extras gone" + TRAILER,
                    false);
        };
    }

    /** The two environment files with the policy documents and user data hopper's file names. */
    private static Map<String, String> files(String hopper, String production) {
        Map<String, String> files = new LinkedHashMap<>(Map.of(HOPPER, hopper, PRODUCTION, production));
        for (String file : List.of("iam/k8s-master.json", "iam/k8s-node.json", "iam/vpc-cni.json",
                "userdata/node.sh")) {
            files.put(file, example(file));
        }
        return files;
    }

    @Override
    public List<String> duplicates() {
        List<String> found = new ArrayList<>();
        for (String env : environments()) {
            Leftovers.of(hand, env).stream().collect(Collectors.groupingBy(Function.identity(),
                            LinkedHashMap::new, Collectors.counting()))
                    .forEach((object, count) -> {
                        if (count > 1) {
                            found.add(env + ": " + object + " ×" + count);
                        }
                    });
        }
        found.addAll(unmarked());
        hand.acm().listCertificates().certificateSummaryList().stream()
                .collect(Collectors.groupingBy(c -> c.domainName(), Collectors.counting()))
                .forEach((domain, count) -> {
                    if (count > 1) {
                        found.add("certificate " + domain + " ×" + count);
                    }
                });
        return found;
    }

    /** Instances, Elastic IPs and NAT gateways without marks that were not planted as foreign (orphans of a crash). */
    private List<String> unmarked() {
        var ec2 = hand.ec2();
        List<String> found = new ArrayList<>();
        ec2.describeInstances(r -> r.filters(Filter.builder().name("instance-state-name").values("pending",
                        "running").build())).reservations().stream().flatMap(r -> r.instances().stream())
                .filter(i -> !marked(i.tags()) && !foreign.containsKey("instance " + i.instanceId()))
                .filter(i -> i.tags().stream().noneMatch(t -> t.key().equals("aws:autoscaling:groupName")))
                .forEach(i -> found.add("unmarked instance " + i.instanceId()));
        ec2.describeAddresses().addresses().stream()
                .filter(a -> !marked(a.tags()) && !foreign.containsKey("address " + a.allocationId()))
                .forEach(a -> found.add("unmarked address " + a.allocationId()));
        ec2.describeNatGateways(r -> r.filter(Filter.builder().name("state").values("pending", "available").build()))
                .natGateways().stream().filter(n -> !marked(n.tags()))
                .forEach(n -> found.add("unmarked nat gateway " + n.natGatewayId()));
        return found;
    }

    private static boolean marked(List<Tag> tags) {
        return tags.stream().anyMatch(t -> t.key().equals(MARK));
    }

    @Override
    public List<String> leftAfterDecommission() {
        // The VPC stays: it carries kubernetes.io/cluster/hopper=shared, which Plumbline never deletes.
        return Leftovers.of(hand, "hopper").stream().filter(o -> !o.equals("vpc hopper")).toList();
    }

    @Override
    public List<String> foreignTouched() {
        Map<String, String> now = foreign();
        List<String> touched = new ArrayList<>();
        foreign.forEach((object, state) -> {
            if (!state.equals(now.get(object))) {
                touched.add(object + ": was " + state + ", now " + now.get(object));
            }
        });
        return touched;
    }

    private void plantForeign(AwsBaseline.Eksctl eksctl) {
        var ec2 = hand.ec2();
        ec2.runInstances(r -> r.imageId("ami-12c6146b").instanceType("t2.micro").minCount(1).maxCount(1)
                .subnetId(eksctl.subnetIds().get(0)));
        ec2.allocateAddress(r -> r.domain("vpc"));
        String group = ec2.createSecurityGroup(r -> r.groupName("foreign-sg").description("made by hand")
                .vpcId(eksctl.vpcId())).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(p -> p.ipProtocol("tcp").fromPort(22)
                .toPort(22).ipRanges(i -> i.cidrIp("10.1.0.0/16"))));
        hand.ecr().createRepository(r -> r.repositoryName("foreign-repo"));
        hand.iam().createRole(r -> r.roleName("ForeignRole").assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                        + "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
    }

    /** The planted objects (those without marks, bar the EKS system's) by name, with what a change would alter. */
    private Map<String, String> foreign() {
        var ec2 = hand.ec2();
        Map<String, String> state = new LinkedHashMap<>();
        ec2.describeInstances().reservations().stream().flatMap(r -> r.instances().stream())
                .filter(i -> i.tags().isEmpty())
                .forEach(i -> state.put("instance " + i.instanceId(), i.state().nameAsString() + " " + i.tags()));
        ec2.describeAddresses().addresses().stream().filter(a -> a.tags().isEmpty())
                .forEach(a -> state.put("address " + a.allocationId(), a.publicIp() + " " + a.tags()));
        ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("group-name").values("foreign-sg").build()))
                .securityGroups().forEach(g -> state.put("security group " + g.groupId(),
                        g.ipPermissions() + " " + g.tags()));
        hand.ecr().describeRepositories().repositories().stream()
                .filter(r -> r.repositoryName().equals("foreign-repo"))
                .forEach(r -> state.put("ECR repository foreign-repo", hand.ecr().listTagsForResource(t -> t
                        .resourceArn(r.repositoryArn())).tags().toString()));
        hand.iam().listRoles().roles().stream().filter(r -> r.roleName().equals("ForeignRole"))
                .forEach(r -> state.put("role ForeignRole", hand.iam().listRoleTags(t -> t.roleName("ForeignRole"))
                        .tags().toString()));
        return state;
    }

    private static String example(String file) {
        try {
            return Files.readString(Path.of("example-repo").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** production as the example has it, but for its Kubernetes and HAProxy sections (other campaigns' part). */
    private static String productionAws() {
        String text = example(PRODUCTION);
        return text.substring(0, text.indexOf("\n  kubernetes:\n") + 1);
    }

    private static String withExtraGroup(String hopper) {
        return replaceOnce(hopper, "    securityGroups:\n", """
                    securityGroups:
                      - name: chaos-extra
                        vpc: hopper
                        description: added by a later commit
                        ingress:
                          - {protocol: tcp, port: 8443, from: 10.0.0.0/16}
                """);
    }

    private static String withExtras(String production) {
        String repos = replaceOnce(production, "      repositories:\n",
                "      repositories:\n        - {name: chaos-extra, tagMutability: IMMUTABLE, scanOnPush: true}\n");
        return replaceOnce(repos, "    certificates:\n", "    certificates:\n"
                + "      - {domain: chaos.example.com, validation: dns, zone: example.com}\n");
    }

    /** hopper with everything under {@code spec.aws} removed but its region and account (aws is its last section). */
    private static String withoutAws(String hopper) {
        int aws = hopper.indexOf("\n  aws:\n");
        int account = hopper.indexOf("\n", hopper.indexOf("    accountId: ", aws) + 1);
        return hopper.substring(0, account + 1);
    }

    private static String replaceOnce(String text, String from, String to) {
        if (!text.contains(from)) {
            throw new IllegalStateException("the example no longer holds " + from.trim());
        }
        return text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    @Override
    public void close() throws Exception {
        if (hand != null) {
            hand.close();
        }
        moto.afterAll(null);
    }
}
