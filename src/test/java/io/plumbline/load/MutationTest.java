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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * At least a thousand mutants of each example environment: each is either refused with {@code file:line:col}
 * problems, or valid by what the schema states: a field left out that no object requires, a number within the bounds
 * its field states, or a choice written in a field's description ({@link #VALID_BY_DESIGN}). None may throw.
 */
class MutationTest {
    private static final EnvironmentLoader LOADER = new EnvironmentLoader();
    /** The file hopper's launch template names. */
    private static final String USER_DATA = "userdata/node.sh";

    private static final SchemaFields SCHEMA = SchemaFields.read();
    private static final String PATHS = "(/\\.\\./\\.\\./etc/passwd|\\.\\./\\.\\./\\.\\./etc/passwd)";
    /** The design rules some mutant of an example environment needed; each must be needed by one. */
    private static final Set<Design> USED = ConcurrentHashMap.newKeySet();
    private static final String[] EXAMPLES = {"production", "staging", "hopper"};
    private static final Set<String> MUTATED = ConcurrentHashMap.newKeySet();

    /**
     * Mutants valid on purpose, each by a choice the schema states in the description of {@code field}, which must say
     * {@code says}. A mutant that leaves out a field is valid by the schema's {@code required} (see
     * {@link #leavesOutAnOptionalField}), and a number by the bounds its field states
     * ({@link #staysWithinItsFieldsBounds}); neither needs a rule here.
     */
    record Design(String field, String says, Pattern mutants) {
        Design(String field, String says, String mutants) {
            this(field, says, Pattern.compile(mutants));
        }

        boolean covers(String mutant) {
            return mutants.matcher(mutant).matches();
        }
    }

    static final List<Design> VALID_BY_DESIGN = List.of(
            // Tags go to AWS as tags and nowhere else: AWS's tag grammar, '/', '.' and spaces included.
            new Design("/$defs/tagValue", "Free text on purpose", "(string|suffix) /spec/aws/.+/tags/(?!\\d+/key ).+ = "
                    + "(" + PATHS + "| x)"),
            new Design("/$defs/tagKey", "Free text on purpose", "(string|suffix) /spec/aws/autoscaling/groups/\\d+/tags"
                    + "/\\d+/key = (" + PATHS + "| x)"),
            // Descriptions go to AWS as descriptions and nowhere else.
            new Design("/$defs/awsDescription", "Free text on purpose", "(string|suffix) /spec/aws/securityGroups/\\d+/"
                    + "((ingress|egress)/\\d+/)?description = (" + PATHS + "| x|#c|\\$\\{HOME}|\\*)"),
            // A group named in a rule may hold a space, as AWS group names may.
            new Design("/$defs/peer", "a group name: letters, digits, spaces", "suffix /spec/aws/securityGroups/"
                    + "\\d+/(ingress|egress)/\\d+/(from|to) =  x"),
            // Name tags may hold spaces.
            new Design("/$defs/ec2Name", "Spaces and '/' are kept", "suffix /spec/aws/.+/"
                    + "(name|vpc|subnet|subnets/\\d+) =  x"),
            new Design("/$defs/imageRef/properties/name", "spaces", "suffix /spec/aws/compute/.+/image/name =  x"),
            // Environment values are text passed to the container as it is; line breaks and quotes included (a raw
            // U+0085 is a line break to YAML).
            new Design("/$defs/env/additionalProperties", "passed to the container as it is", "(string|suffix) "
                    + "/spec/kubernetes/applications/\\d+/(sidecars/\\d+/)?env/[A-Za-z_0-9]+ = (?!\\\\u(?!0085)).*"),
            // A count where a count or a percentage is allowed; a fractional target.
            new Design("/$defs/countOrPercent", "A count (1) or a percentage (25%)", "type /spec/kubernetes/"
                    + "applications/\\d+/rollout/max(Surge|Unavailable) = 7"),
            new Design("/properties/spec/properties/aws/properties/autoscaling/properties/groups/items/properties/"
                    + "targetTracking/items/properties/target", "fractions included", "type /spec/aws/autoscaling/"
                    + "groups/\\d+/targetTracking/\\d+/target = 1\\.5"));

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
                if (!validByDesign(mutant, full)) {
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
        MUTATED.add(name);
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

    @Test
    void everyDesignRuleIsStatedByItsFieldsDescription() {
        for (Design design : VALID_BY_DESIGN) {
            assertThat(SCHEMA.node(design.field()).path("description").asText()).as(design.field())
                    .contains(design.says());
        }
    }

    /** Once the three example environments were mutated (not when one test is run alone). */
    @AfterAll
    static void everyDesignRuleIsNeededByAMutant() {
        if (MUTATED.size() == EXAMPLES.length) {
            assertThat(VALID_BY_DESIGN).as("rules no mutant needed").allMatch(USED::contains);
        }
    }

    private static boolean validByDesign(Mutant mutant, String full) {
        if (mutant.kind().equals("missing")) {
            return leavesOutAnOptionalField(mutant.pointer());
        }
        if (mutant.kind().equals("number")) {
            return staysWithinItsFieldsBounds(mutant.pointer());
        }
        List<Design> covering = VALID_BY_DESIGN.stream().filter(d -> d.covers(full)).toList();
        USED.addAll(covering);
        return !covering.isEmpty();
    }

    /** A field its object does not list in {@code required}: left out, its default applies. */
    private static boolean leavesOutAnOptionalField(String pointer) {
        return !SCHEMA.at(SchemaFields.parent(pointer)).isEmpty()
                && !SCHEMA.requires(SchemaFields.parent(pointer), SchemaFields.last(pointer));
    }

    /** A number valid only within bounds its field states, a minimum and a maximum. */
    private static boolean staysWithinItsFieldsBounds(String pointer) {
        return SCHEMA.at(pointer).stream().anyMatch(n -> (n.has("minimum") || n.has("exclusiveMinimum"))
                && n.has("maximum"));
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
