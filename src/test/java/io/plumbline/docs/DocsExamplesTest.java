package io.plumbline.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import org.yaml.snakeyaml.Yaml;

/**
 * Every example of the README and of {@code docs/} is run: each YAML block is validated as an environment file (a
 * whole one as it is, a fragment of {@code spec} inside the smallest valid environment), in a copy of
 * {@code example-repo} so that the files it names (policies, user data, manifests) are there; each command line
 * is run ({@code validate} on {@code example-repo}) or, where it needs a live service or account, parsed with
 * every option it shows; each script and benchmark it names exists.
 */
class DocsExamplesTest {
    /** What a fragment of {@code spec} is put under: the least the schema asks for. */
    /** How the pages start Plumbline: the launcher, the jar, the launcher of an unpacked release. */
    private static final Set<String> LAUNCHERS = Set.of("bin/plumbline", "java", "/opt/plumbline/bin/plumbline");
    /** Where the install page unpacks a release: its scripts are the repository's. */
    private static final String RELEASE = "/opt/plumbline/";
    /**
     * Other programs in the install recipes, which are run by the tests of what they install rather than here:
     * {@code podman run} with the same flags by {@code ImageIT}, the Kustomize base and overlays by {@code
     * KustomizeIT}, the unpacked tarball by {@code ReleaseIT}.
     */
    private static final Set<String> OTHER_TOOLS = Set.of("podman", "kubectl", "kustomize", "tar", "ln", "install",
            "systemctl");
    private static final String HEADER = "apiVersion: plumbline/v1\nkind: Environment\nmetadata: {name: docs-example}\n";

    @TempDir
    Path tmp;

    @Test
    void everyYamlExampleIsAValidEnvironmentOrAValidFragmentOfOne() throws IOException {
        Path repo = copyOfTheExampleRepo();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (DocBlocks.Block block : DocBlocks.of("yaml")) {
            String file = environment(block);
            String name = (String) ((Map<?, ?>) new Yaml().<Map<?, ?>>load(file).get("metadata")).get("name");
            Path written = Files.writeString(repo.resolve("environments/" + name + ".yaml"), file);
            Run run = run("validate", "--repo", repo.toString(), "environments/" + written.getFileName());
            if (run.code() != Main.OK) {
                failures.add(block.where() + ":\n" + run.out() + run.err() + "as validated:\n" + file);
            }
            checked++;
        }
        assertThat(failures).isEmpty();
        assertThat(checked).as("YAML examples found").isGreaterThanOrEqualTo(7);
    }

    @Test
    void everyCommandLineOfTheDocsRunsOrAtLeastParses() {
        List<String> failures = new ArrayList<>();
        int validated = 0;
        for (DocBlocks.Block block : DocBlocks.of("sh")) {
            for (List<String> line : DocBlocks.commands(block)) {
                String program = line.get(0);
                if (program.startsWith("./scripts/") || program.startsWith(RELEASE + "scripts/")) {
                    String script = program.startsWith(RELEASE) ? program.substring(RELEASE.length()) : program;
                    if (!Files.isExecutable(Path.of(script))) {
                        failures.add(block.where() + ": no script " + program);
                    }
                    continue;
                }
                if (OTHER_TOOLS.contains(program)) {
                    continue;
                }
                if (!LAUNCHERS.contains(program)) {
                    failures.add(block.where() + ": " + program + " is neither Plumbline nor a tool this test knows");
                    continue;
                }
                List<String> args = line.subList(program.equals("java") ? 3 : 1, line.size());
                if (args.get(0).equals("validate")) {
                    Run run = run(args.toArray(String[]::new));
                    if (run.code() != Main.OK) {
                        failures.add(block.where() + ": " + String.join(" ", line) + " exits " + run.code() + "\n"
                                + run.out() + run.err());
                    }
                    validated++;
                    continue;
                }
                String parsed = parses(args);
                if (parsed != null) {
                    failures.add(block.where() + ": " + String.join(" ", line) + ": " + parsed);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(validated).as("validate lines run on example-repo").isPositive();
    }

    @Test
    void everyBenchmarkTheDocsNameExists() throws IOException {
        List<String> named = DocBlocks.benchmarks();
        assertThat(named).contains("Startup", "Fleet", "Scale", "Kubernetes", "Hopper");
        for (String bench : named) {
            assertThat(Path.of("src/test/java/io/plumbline/bench/" + bench + "Bench.java"))
                    .as("./scripts/bench " + bench).exists();
        }
    }

    @Test
    void aFragmentTheSchemaRefusesIsFound() throws IOException {
        Path repo = copyOfTheExampleRepo();
        String file = environment(new DocBlocks.Block("docs/x.md:1", "spec:\n  sync: {mode: sometimes}\n"));
        Files.writeString(repo.resolve("environments/docs-example.yaml"), file);
        assertThat(run("validate", "--repo", repo.toString(), "environments/docs-example.yaml").code())
                .isEqualTo(Main.INVALID);
    }

    /**
     * A whole environment file as it is; a fragment of {@code spec} as it is written, under the smallest
     * environment's header, with the region and account every aws section needs (its own text otherwise, so that
     * YAML reads every value as a user's file would).
     */
    static String environment(DocBlocks.Block block) {
        String text = block.text();
        if (text.startsWith("apiVersion:")) {
            return text;
        }
        if (!text.startsWith("spec:")) {
            String first = text.lines().findFirst().orElse("");
            if (!first.startsWith("  ") || first.startsWith("   ")) {
                throw new AssertionError(block.where() + ": a YAML example is a whole environment file, or a fragment"
                        + " starting with 'spec:' or with a key of spec indented by two spaces");
            }
            text = "spec:\n" + text;
        }
        if (!text.contains("\n    region:")) {
            // the two fields the schema asks of every aws section, which the examples leave out to stay short
            text = text.replace("\n  aws:\n", "\n  aws:\n    region: us-west-2\n    accountId: \"033870383707\"\n");
        }
        return HEADER + text;
    }

    private Path copyOfTheExampleRepo() throws IOException {
        Path source = Path.of("example-repo");
        Path target = tmp.resolve("repo");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Files.copy(p, target.resolve(source.relativize(p).toString()));
            }
        }
        return target;
    }

    /** Null when the command accepts every option and argument shown, else picocli's complaint. */
    private static String parses(List<String> args) {
        String name = args.get(0);
        try {
            // the command's own class, as Main registers it; parsed only: serve would start a service, plan an account
            Class<?> command = Class.forName("io.plumbline.cli." + Character.toUpperCase(name.charAt(0))
                    + name.substring(1) + "Command");
            new CommandLine(command).parseArgs(args.subList(1, args.size()).toArray(String[]::new));
            return null;
        } catch (ClassNotFoundException e) {
            return "no command " + name;
        } catch (CommandLine.ParameterException e) {
            return e.getMessage();
        }
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }
}
