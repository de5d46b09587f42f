package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Only the command asked for is registered at start; usage, version and mistakes still see all of them. */
class UsageTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void theUsageListsEveryCommand() {
        assertThat(run("--help")).isEqualTo(Main.OK);
        assertThat(out.toString()).contains("validate", "plan", "apply", "serve");
    }

    @Test
    void anUnknownCommandIsInvalidInputAndTheUsageNamesTheCommands() {
        assertThat(run("valdate", "--repo", "example-repo")).isEqualTo(Main.INVALID);
        assertThat(err.toString()).contains("valdate").contains("validate", "plan", "apply", "serve");
    }

    @Test
    void aCommandsOwnHelpIsThere() {
        assertThat(run("plan", "--help")).isEqualTo(Main.OK);
        assertThat(out.toString()).contains("--detailed-exitcode").doesNotContain("serve");
    }
}
