package io.plumbline.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules in {@code deploy/} are valid and behave as their unit tests say, checked by the real
 * {@code promtool} (Debian's prometheus package, which the test command installs).
 */
class PrometheusRulesIT {
    private static final Path DEPLOY = Path.of("deploy").toAbsolutePath();
    private static final Path RULES = DEPLOY.resolve("prometheus-rules.yaml");
    private static final Path TESTS = DEPLOY.resolve("prometheus-rules.test.yaml");

    @Test
    void theRulesAreValid() throws Exception {
        promtool("check", "rules", RULES.toString());
    }

    @Test
    void theRulesPassTheirUnitTests() throws Exception {
        promtool("test", "rules", TESTS.toString());
    }

    @Test
    void everyAlertIsTestedFiringAndNotFiring() throws IOException {
        Set<String> alerts = new TreeSet<>();
        for (Map<String, Object> group : list(load(RULES).get("groups"))) {
            for (Map<String, Object> rule : list(group.get("rules"))) {
                if (rule.get("alert") != null) {
                    alerts.add((String) rule.get("alert"));
                }
            }
        }
        Set<String> firing = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        for (Map<String, Object> test : list(load(TESTS).get("tests"))) {
            for (Map<String, Object> check : list(test.get("alert_rule_test"))) {
                boolean fires = !list(check.get("exp_alerts")).isEmpty();
                (fires ? firing : silent).add((String) check.get("alertname"));
            }
        }

        assertThat(alerts).as("alerts").isNotEmpty();
        assertThat(firing).as("alerts with a test where they fire").containsAll(alerts);
        assertThat(silent).as("alerts with a test where they do not fire").containsAll(alerts);
    }

    private static void promtool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(promtoolPath());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(DEPLOY.toFile()).redirectErrorStream(true).start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish:\n" + output);
        }
        assertThat(process.exitValue()).as(String.join(" ", command) + " said:\n" + output).isZero();
    }

    private static String promtoolPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("promtool is not on the PATH; install Debian's 'prometheus' package"
                + " (scripts/test installs it) to check deploy/prometheus-rules.yaml");
    }

    private static Map<String, Object> load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
