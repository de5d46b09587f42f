package io.plumbline.provider.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The IAM actions of {@code deploy/iam-policy.json}, and those the provider's sources and calls amount to. */
final class IamPolicy {
    static final Path FILE = Path.of("deploy/iam-policy.json");
    /** Called by the SDK's assume-role credentials provider, not through a client accessor. */
    static final String ASSUME_ROLE = "sts:AssumeRole";
    /**
     * Creating with tags needs the tagging permission too (ELB listeners, ECR repositories, ACM certificates, IAM
     * roles and instance profiles).
     */
    static final Set<String> TAG_ON_CREATE = Set.of("elasticloadbalancing:AddTags", "ecr:TagResource",
            "acm:AddTagsToCertificate", "iam:TagRole", "iam:TagInstanceProfile", "eks:TagResource");
    /** Launching with an instance profile and creating a nodegroup hand a role to EC2 and EKS. */
    static final String PASS_ROLE = "iam:PassRole";
    private static final Map<String, String> PREFIXES = Map.ofEntries(Map.entry("sts", "sts"), Map.entry("ec2", "ec2"),
            Map.entry("ecr", "ecr"), Map.entry("eks", "eks"), Map.entry("autoScaling", "autoscaling"),
            Map.entry("elb", "elasticloadbalancing"), Map.entry("acm", "acm"), Map.entry("route53", "route53"),
            Map.entry("tagging", "tag"), Map.entry("iam", "iam"), Map.entry("cloudWatch", "cloudwatch"));
    private static final Pattern CALL = Pattern.compile("aws(?:\\(\\))?\\s*\\.\\s*"
            + "(sts|ec2|ecr|eks|autoScaling|elb|acm|route53|tagging|iam|cloudWatch)\\(\\)\\s*\\.\\s*(\\w+)\\(");

    private IamPolicy() {
    }

    static Set<String> declared() {
        try {
            JsonNode policy = new ObjectMapper().readTree(FILE.toFile());
            Set<String> actions = new TreeSet<>();
            policy.get("Statement").forEach(s -> s.get("Action").forEach(a -> actions.add(a.asText())));
            return actions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every SDK client method the provider's sources call, as IAM actions. */
    static Set<String> calledInSources() {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/plumbline/provider/aws"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CALL.matcher(Files.readString(f));
                while (m.find()) {
                    String method = m.group(2).replaceFirst("Paginator$", "");
                    actions.add(PREFIXES.get(m.group(1)) + ":" + Character.toUpperCase(method.charAt(0))
                            + method.substring(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return actions;
    }

    /** The AWS calls secrets take (io.plumbline.secrets.AwsSecretReads), as IAM actions. */
    static Set<String> secretReadsInSources() {
        Set<String> actions = new TreeSet<>();
        try {
            String source = Files.readString(Path.of("src/main/java/io/plumbline/secrets/AwsSecretReads.java"));
            Matcher m = Pattern.compile("\\)\\s*\\.\\s*(getSecretValue|getParameter|decrypt)\\(").matcher(source);
            while (m.find()) {
                actions.add(switch (m.group(1)) {
                    case "getSecretValue" -> "secretsmanager:GetSecretValue";
                    case "getParameter" -> "ssm:GetParameter";
                    default -> "kms:Decrypt";
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return actions;
    }

    /** The policy's statement of this Sid. */
    static JsonNode statement(String sid) {
        try {
            for (JsonNode s : new ObjectMapper().readTree(FILE.toFile()).get("Statement")) {
                if (sid.equals(s.path("Sid").asText())) {
                    return s;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no statement " + sid);
    }

    /** The IAM action of one recorded SDK call. */
    static String action(CallCounter.Call call) {
        String service = call.service().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        String prefix = service.startsWith("elasticloadbalancing") ? "elasticloadbalancing"
                : service.startsWith("resourcegroupstagging") ? "tag" : service;
        return prefix + ":" + call.operation();
    }
}
