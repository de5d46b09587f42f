package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.diff.DeletionGuard;
import io.plumbline.engine.plan.Pipeline;
import io.plumbline.engine.plan.ProviderPlan;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.RefusedException;
import io.plumbline.model.Revision;
import io.plumbline.model.spec.haproxy.Server;
import io.plumbline.provider.haproxy.HaproxyTestbed;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deletion guard judges HAProxy's plan as it judges every provider's, on a real HAProxy: what {@code plan} shows
 * is the verdict {@code apply} enforces. Four servers and the configuration are five owned objects; the default
 * limit of 20% lets one go and refuses two.
 */
class HaproxyDeletionGuardIT {
    @TempDir
    Path root;
    HaproxyTestbed bed;
    Pipeline pipeline;

    @BeforeEach
    void start() throws IOException {
        bed = HaproxyTestbed.start(root);
        pipeline = new Pipeline(List.of(bed.provider()));
        LoadedEnvironment four = env(4, "Four servers");
        assertThat(pipeline.apply(four, pipeline.plan(four)).ok()).isTrue();
        assertThat(bed.servers()).containsExactly("s1", "s2", "s3", "s4");
    }

    @AfterEach
    void stop() throws InterruptedException {
        bed.close();
    }

    @Test
    void deletingUpToTheLimitIsShownAsAllowedAndApplied() {
        LoadedEnvironment three = env(3, "Retire s4");
        List<ProviderPlan> plans = pipeline.plan(three);

        DeletionGuard.Verdict verdict = plans.get(0).guard();
        assertThat(verdict).extracting(DeletionGuard.Verdict::deletes, DeletionGuard.Verdict::managed,
                DeletionGuard.Verdict::refused).containsExactly(1L, 5L, false);
        assertThat(printed(three, plans)).contains("- Server app/s4").doesNotContain("refused");

        assertThat(pipeline.apply(three, plans).ok()).isTrue();
        assertThat(bed.servers()).containsExactly("s1", "s2", "s3");
    }

    @Test
    void deletingOneOverTheLimitIsShownAsRefusedAndApplyRefusesItWithTheSameVerdictWritingNothing() throws Exception {
        String config = Files.readString(bed.paths().config());
        int reloads = bed.reloads();
        LoadedEnvironment two = env(2, "Retire s3 and s4");
        List<ProviderPlan> plans = pipeline.plan(two);

        DeletionGuard.Verdict verdict = plans.get(0).guard();
        assertThat(verdict).extracting(DeletionGuard.Verdict::deletes, DeletionGuard.Verdict::managed,
                DeletionGuard.Verdict::refused).containsExactly(2L, 5L, true);
        assertThat(printed(two, plans)).contains("- Server app/s3  [refused by the deletion guard]",
                "- Server app/s4  [refused by the deletion guard]",
                "apply refuses these 2 deletions of 5 owned objects; the commit message trailer "
                        + "'Plumbline-Allow-Deletes: 2' allows them");

        assertThatThrownBy(() -> pipeline.apply(two, plans)).isInstanceOf(RefusedException.class)
                .hasMessage(verdict.reason());
        assertThat(Files.readString(bed.paths().config())).isEqualTo(config);
        assertThat(bed.reloads()).isEqualTo(reloads);
        assertThat(bed.servers()).containsExactly("s1", "s2", "s3", "s4");

        // the same deletions in a commit that says it means them
        LoadedEnvironment allowed = env(2, "Retire s3 and s4\n\nPlumbline-Allow-Deletes: 2");
        List<ProviderPlan> meant = pipeline.plan(allowed);
        assertThat(meant.get(0).guard().refused()).isFalse();
        assertThat(pipeline.apply(allowed, meant).ok()).isTrue();
        assertThat(bed.servers()).containsExactly("s1", "s2");
    }

    /** The first {@code count} of s1 … s4 (s4 serves from s1's backend), in a commit with that message. */
    private LoadedEnvironment env(int count, String message) {
        List<Server> servers = List.of(bed.server("s1", "ready", 1), bed.server("s2", "ready", 1),
                bed.server("s3", "ready", 1), new Server("s4", bed.backends().address("s1"), 1, "ready", true));
        LoadedEnvironment env = bed.env(servers.subList(0, count));
        return new LoadedEnvironment(env.file(), env.environment(), env.manifests(),
                new Revision("c" + count + message.length(), "refs/heads/main", message));
    }

    private static String printed(LoadedEnvironment env, List<ProviderPlan> plans) {
        StringWriter out = new StringWriter();
        PlanPrinter.print(env, plans, new PrintWriter(out, true));
        return out.toString();
    }
}
