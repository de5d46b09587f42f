package io.plumbline.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.testing.MemoryFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Policy documents named by path are read at the revision and held to the schema's policy grammar: a bad path is
 * refused at the {@code file:} that names it, a bad document at its own line and column, and nothing crashes.
 */
class PolicyFilesTest {
    private static final String ENV = "environments/hopper.yaml";

    private static String environment(String file) {
        return """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: hopper}
                spec:
                  aws:
                    region: us-west-2
                    accountId: "123456789012"
                    iam:
                      roles:
                        - name: K8sNode
                          assumeRolePolicy: {service: ec2.amazonaws.com}
                          policies:
                            - {name: k8s-node, file: %s}
                """.formatted(file);
    }

    private static LoadResult load(String file, Map<String, String> others) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        files.put(ENV, environment(file).getBytes(StandardCharsets.UTF_8));
        others.forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return new EnvironmentLoader().loadAll(new MemoryFiles(files));
    }

    private static final String GOOD = """
            {
              "Version": "2012-10-17",
              "Statement": {"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*"}
            }
            """;

    @Test
    void aGoodDocumentIsReadWithTheEnvironment() throws IOException {
        LoadResult result = load("iam/k8s-node.json", Map.of("iam/k8s-node.json", GOOD));

        assertThat(result.allProblems()).isEmpty();
        assertThat(result.environments().get(0).files()).containsEntry("iam/k8s-node.json", GOOD);
    }

    @Test
    void pathsOutsideTheRepositoryAreRefusedByTheSchema() throws IOException {
        for (String path : new String[] {"/etc/passwd.json", "../secrets.json", "iam/../../x.json", "./x.json",
                "iam/x.yaml", "iam\\\\x.json"}) {
            assertThat(load(path, Map.of()).allProblems()).as(path).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo(ENV);
                assertThat(p.line()).isEqualTo(13);
                assertThat(p.message()).contains("a JSON file in this repository");
            });
        }
    }

    @Test
    void aMissingFileIsAProblemWhereItIsNamed() throws IOException {
        assertThat(load("iam/missing.json", Map.of()).allProblems()).extracting(Object::toString).containsExactly(
                ENV + ":13:38: /spec/aws/iam/roles/0/policies/0/file: no file 'iam/missing.json' in the "
                        + "repository at this revision");
    }

    @Test
    void aFileLargerThanIamAcceptsIsRefusedBeforeItIsParsed() throws IOException {
        String big = "{\"Version\": \"2012-10-17\", \"Id\": \"" + "x".repeat(PolicyFiles.MAX_BYTES) + "\"}";
        assertThat(load("iam/big.json", Map.of("iam/big.json", big)).allProblems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("an IAM policy document is at most 10,240"));
    }

    @Test
    void invalidJsonIsRefusedAtItsLineAndColumn() throws IOException {
        assertThat(load("iam/k8s-node.json", Map.of("iam/k8s-node.json", "{\n  \"Version\": \"2012-10-17\",\n  ]"))
                .allProblems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo("iam/k8s-node.json");
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.column()).isEqualTo(3);
                    assertThat(p.message()).startsWith("not valid JSON: ");
                });
    }

    @Test
    void aSecondDocumentAfterTheFirstIsRefusedWhereItBegins() throws IOException {
        String deny = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Deny\", \"Action\": \"*\", "
                + "\"Resource\": \"*\"}}";
        for (String second : new String[] {"  " + deny, deny, "[]", "\"x\"", "1"}) {
            assertThat(load("iam/k8s-node.json", Map.of("iam/k8s-node.json", GOOD + second)).allProblems())
                    .as(second).extracting(Object::toString).containsExactly("iam/k8s-node.json:5:"
                            + (second.startsWith(" ") ? 3 : 1) + ": a second JSON document begins here; the file "
                            + "must hold exactly one");
        }
        assertThat(load("iam/k8s-node.json", Map.of("iam/k8s-node.json", GOOD + "\n\n  \n")).allProblems())
                .as("space after the one document").isEmpty();
    }

    @Test
    void duplicateKeysAreRefused() throws IOException {
        String twice = "{\"Version\": \"2012-10-17\", \"Version\": \"2008-10-17\", \"Statement\": []}";
        assertThat(load("iam/k8s-node.json", Map.of("iam/k8s-node.json", twice)).allProblems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("Duplicate field 'Version'"));
    }

    @Test
    void aDocumentOutsideThePolicyGrammarIsRefusedAtTheOffendingValue() throws IOException {
        String bad = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*"},
                    {"Effect": "Permit", "Action": "s3:*", "Resource": "*", "Extra": 1}
                  ]
                }
                """;
        assertThat(load("iam/k8s-node.json", Map.of("iam/k8s-node.json", bad)).allProblems())
                .extracting(Object::toString).containsExactlyInAnyOrder(
                        "iam/k8s-node.json:5:16: /Statement/1/Effect: 'Permit' is not one of: Allow, Deny",
                        "iam/k8s-node.json:5:61: /Statement/1/Extra: unknown field 'Extra'; valid fields: Sid, "
                                + "Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, "
                                + "Condition");
    }

    @Test
    void aDocumentWithoutVersionOrStatementIsRefused() throws IOException {
        assertThat(load("iam/k8s-node.json", Map.of("iam/k8s-node.json", "{\"Statement\": []}")).allProblems())
                .extracting(p -> p.message()).contains("missing required field 'Version'");
        assertThat(load("iam/k8s-node.json", Map.of("iam/k8s-node.json", "[1, 2]")).allProblems())
                .isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo("iam/k8s-node.json"));
    }

    @Test
    void anInlineDocumentIsHeldToTheSameGrammarInTheEnvironmentFile() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        files.put(ENV, environment("iam/k8s-node.json").replace("{name: k8s-node, file: iam/k8s-node.json}",
                "{name: k8s-node, document: {Version: \"2012-10-17\", Statement: {Effect: Permit, Action: \"s3:*\"}}}")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(new EnvironmentLoader().loadAll(new MemoryFiles(files)).allProblems()).extracting(Object::toString)
                .containsExactly(ENV + ":13:86: /spec/aws/iam/roles/0/policies/0/document/Statement/Effect: 'Permit' is "
                        + "not one of: Allow, Deny");
    }
}
