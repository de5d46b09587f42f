package io.plumbline.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.load.Mutants.Mutant;
import io.plumbline.testing.MemoryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * At least a thousand mutants of each example environment: each is either refused with {@code file:line:col}
 * problems, or valid by one of the rules in {@link #VALID_BY_DESIGN}. None may throw.
 */
class MutationTest {
    private static final EnvironmentLoader LOADER = new EnvironmentLoader();
    /** The file hopper's launch template names. */
    private static final String USER_DATA = "userdata/node.sh";

    /**
     * Mutants that are valid on purpose, as {@code kind pointer} patterns: optional fields may be left out, and a
     * value may be replaced by another that its field allows.
     */
    static final List<Pattern> VALID_BY_DESIGN = List.of(
            // Optional fields and optional sections may be left out; the defaults apply.
            Pattern.compile("missing /spec/(sync|aws|kubernetes|haproxy)"),
            Pattern.compile("missing /spec/sync/.*"),
            Pattern.compile("missing /metadata/labels(/.*)?"),
            Pattern.compile("missing /spec/aws/securityGroups/\\d+/(description|ingress|egress)"),
            Pattern.compile("missing /spec/aws/securityGroups/\\d+/(ingress|egress)/\\d+/(port|toPort|description)"),
            Pattern.compile("missing /spec/aws/(?!region|accountId)[^/]+"),
            Pattern.compile("missing /spec/aws/(ecr/repositories|autoscaling/groups|eks/nodegroups|iam/roles"
                    + "|iam/instanceProfiles)"),
            Pattern.compile("missing /spec/aws/iam/roles/\\d+/(policies|managedPolicies|tags|adopt)(/.*)?"),
            Pattern.compile("missing /spec/aws/iam/instanceProfiles/\\d+/(tags|adopt)(/.*)?"),
            Pattern.compile("missing /spec/aws/ecr/repositories/\\d+/lifecycle/\\w+"),
            Pattern.compile("missing /spec/aws/autoscaling/groups/\\d+/scheduledActions/\\d+/(min|max)"),
            Pattern.compile("missing /spec/.*/(tagMutability|scanOnPush|lifecycle|desired|scheduledActions"
                    + "|targetTracking|disableScaleIn|validation|alternativeNames|listeners|redirectTo|sslPolicy"
                    + "|targetGroup|records|ingress|egress|description|timeZone|startTime|endTime|nodegroups)"),
            Pattern.compile("missing /spec/kubernetes/(namespaces|applications|manifests)"),
            Pattern.compile("missing /spec/kubernetes/applications/\\d+/(container|pullPolicy|replicas|env|resources"
                    + "|probes|rollout|expose|ingress|autoscale|sidecars)(/.*)?"),
            Pattern.compile("missing /spec/haproxy/(stateFile|global|defaults|frontends|backends|stats)"),
            Pattern.compile("missing /spec/haproxy/(global|defaults)/.*"),
            Pattern.compile("missing /spec/haproxy/frontends/\\d+/routes"),
            Pattern.compile("missing /spec/haproxy/backends/\\d+/(balance|forwardFor|healthCheck|servers)(/.*)?"),
            Pattern.compile("missing /spec/haproxy/backends/\\d+/servers/\\d+/(weight|state|check)"),
            Pattern.compile("missing /spec/haproxy/stats/(uri|admin)"),
            Pattern.compile("missing /spec/aws/network/vpcs"),
            Pattern.compile("missing /spec/aws/network/vpcs/\\d+/(dnsSupport|dnsHostnames|tags|routeTables)"),
            Pattern.compile("missing /spec/aws/network/vpcs/\\d+/subnets/\\d+/(public|tags)"),
            Pattern.compile("missing /spec/aws/network/vpcs/\\d+/routeTables/\\d+/(subnets|routes)"),
            Pattern.compile("missing /spec/aws/network/.*/tags/.*"),
            // Tag values are free text in the characters AWS allows: '/', '.' and spaces included.
            Pattern.compile("(string|suffix) /spec/aws/network/.*/tags/.* = (/\\.\\./\\.\\.|\\.\\./\\.\\./\\.\\.)"
                    + "/etc/passwd"),
            Pattern.compile("(string|suffix) /spec/aws/network/.*/tags/.* =  x"),
            Pattern.compile("missing /spec/aws/compute/(launchTemplates|instances)"),
            Pattern.compile("missing /spec/aws/compute/launchTemplates/\\d+/(instanceProfile|securityGroups|userData|tags)"
                    + "(/.*)?"),
            Pattern.compile("missing /spec/aws/compute/instances/\\d+/(privateIp|securityGroups|instanceProfile|replace"
                    + "|tags)(/.*)?"),
            Pattern.compile("missing /spec/aws/autoscaling/groups/\\d+/tags(/\\d+/propagateAtLaunch)?"),
            // EC2 names (templates, Name tags of instances, VPCs and subnets, image name filters) and tags take '/',
            // '.' and spaces as AWS does: they are API parameters and tag values, never paths.
            Pattern.compile("(string|suffix) /spec/aws/(compute|autoscaling)/.*/(name|launchTemplate|vpc|subnet"
                    + "|subnets/\\d+|securityGroups/\\d+|tags/.*) = (/\\.\\./\\.\\./etc/passwd"
                    + "|\\.\\./\\.\\./\\.\\./etc/passwd| x)"),
            // Free-form labels take any label key, and values that are themselves valid labels.
            Pattern.compile("unknown-key /metadata/labels"),
            // Text fields may hold tabs and new lines (env values and exec arguments are passed on as they are).
            Pattern.compile("(string|suffix) /spec/kubernetes/applications/\\d+/(sidecars/\\d+/)?env/[A-Za-z_0-9]+"),
            Pattern.compile("(string|suffix) /spec/kubernetes/applications/\\d+/probes/\\w+/exec/\\d+"),
            // AWS names may hold '/' (ECR repositories, security groups): they are API parameters, never paths.
            Pattern.compile("suffix /spec/aws/.*/(name|cluster|vpc|targetGroup|resource) = (/\\.\\./\\.\\.|\\.\\./\\.\\./\\.\\.)/etc/passwd"),
            // Descriptions are free text in the characters AWS allows (printable ASCII, spaces and '#', '$', '*'
            // included); a group named in a rule may hold a space.
            Pattern.compile("(string|suffix) /spec/aws/securityGroups/\\d+/((ingress|egress)/\\d+/)?description"
                    + " = [^\\\\]*"),
            Pattern.compile("suffix /spec/aws/securityGroups/\\d+/(ingress|egress)/\\d+/(from|to) =  x"),
            // Tag values are free text in the characters AWS allows ('/', '.' and spaces included).
            Pattern.compile("(string|suffix) /spec/aws/.*/tags/[^/]+(/[^/]+)* = (/\\.\\./\\.\\./etc/passwd"
                    + "|\\.\\./\\.\\./\\.\\./etc/passwd| x)"),
            // A URL path may hold '*'.
            Pattern.compile("suffix /spec/.*/(http|path|uri) = \\*"),
            // Numbers within their field's range, and a count where a count or a percentage is allowed.
            Pattern.compile("number .*"),
            Pattern.compile("type /spec/aws/autoscaling/groups/\\d+/targetTracking/\\d+/target = 1\\.5"),
            Pattern.compile("type /spec/kubernetes/applications/\\d+/rollout/max(Surge|Unavailable) = 7"));

    @ParameterizedTest
    @ValueSource(strings = {"production", "staging", "hopper"})
    void everyMutantIsRefusedWithAPositionOrValidByDesign(String name) throws IOException {
        String file = "environments/" + name + ".yaml";
        String original = Files.readString(Path.of("example-repo", file));
        List<Mutant> mutants = Mutants.of(original);
        assertThat(mutants.size()).isGreaterThanOrEqualTo(1000);

        List<String> wronglyValid = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Mutant mutant : mutants) {
            LoadResult result = load(file, mutant);
            String what = mutant.kind() + " " + mutant.pointer();
            String full = what + " = " + mutant.description();
            if (result.ok()) {
                outcomes.merge("valid", 1, Integer::sum);
                if (VALID_BY_DESIGN.stream().noneMatch(p -> p.matcher(what).matches() || p.matcher(full).matches())) {
                    wronglyValid.add(full);
                }
            } else {
                outcomes.merge("refused", 1, Integer::sum);
                // A mutant may also make a manifest fall outside the environment (its namespaces gone): that
                // problem is named in the manifest's own file, beside the mutant's.
                assertThat(result.allProblems()).as(what).anySatisfy(p -> assertThat(p.file()).isEqualTo(file));
                assertThat(result.allProblems()).as(what).allSatisfy(p -> {
                    assertThat(p.file()).isIn(file, "manifests/" + name + "/frontend-pdb.yaml");
                    assertThat(p.line()).isPositive();
                    assertThat(p.column()).isPositive();
                    assertThat(p.message()).isNotBlank().doesNotContain("\n", "\u0000");
                });
            }
        }
        assertThat(wronglyValid).as("mutants accepted that no rule makes valid").isEmpty();
        System.out.println(name + ": " + mutants.size() + " mutants, " + outcomes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "staging", "hopper"})
    void numbersPastTheirFieldsBoundsAreRefused(String name) throws IOException {
        String file = "environments/" + name + ".yaml";
        List<String> accepted = Mutants.of(Files.readString(Path.of("example-repo", file))).stream()
                .filter(m -> m.kind().equals("number") && m.description().length() >= 10)
                .filter(m -> load(file, m).ok())
                .map(m -> m.pointer() + " = " + m.description()).collect(Collectors.toList());

        assertThat(accepted).as("numbers of 2^31 and more are past every bound").isEmpty();
    }

    /** The mutant as the only environment of a repository holding the example manifests and policy documents. */
    private static LoadResult load(String file, Mutant mutant) {
        try {
            Map<String, byte[]> files = new TreeMap<>();
            for (String env : List.of("production", "staging")) {
                String path = "manifests/" + env + "/frontend-pdb.yaml";
                files.put(path, Files.readAllBytes(Path.of("example-repo", path)));
            }
            for (String policy : List.of("k8s-master", "k8s-node", "vpc-cni")) {
                String path = "iam/" + policy + ".json";
                files.put(path, Files.readAllBytes(Path.of("example-repo", path)));
            }
            files.put(USER_DATA, Files.readAllBytes(Path.of("example-repo", USER_DATA)));
            files.put(file, mutant.yaml().getBytes(StandardCharsets.UTF_8));
            return LOADER.loadAll(new MemoryFiles(files));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
