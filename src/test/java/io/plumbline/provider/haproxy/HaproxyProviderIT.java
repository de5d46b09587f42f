package io.plumbline.provider.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.FieldChange;
import io.plumbline.model.Health;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.spec.haproxy.Frontend;
import io.plumbline.model.spec.haproxy.HaproxySpec;
import io.plumbline.model.spec.haproxy.Server;
import io.plumbline.provider.ProviderException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HaproxyProviderIT {
    @TempDir
    Path root;
    HaproxyTestbed bed;

    @BeforeEach
    void start() throws IOException {
        bed = HaproxyTestbed.start(root);
    }

    @AfterEach
    void stop() throws InterruptedException {
        bed.close();
    }

    @Test
    void firstApplyWritesValidatesAndServesThenASecondApplyIsANoop() throws Exception {
        LoadedEnvironment env = bed.env(List.of(bed.server("s1", "ready", 1), bed.server("s2", "ready", 1)));

        HaproxyTestbed.Outcome first = bed.reconcile(env);

        assertThat(first.writes()).extracting(ObjectResult::result).containsOnly(ObjectResult.Result.CONFIGURED,
                ObjectResult.Result.CREATED);
        assertThat(bed.answers(10)).containsExactlyInAnyOrder("200 s1", "200 s2");
        assertThat(Files.readString(bed.paths().config())).startsWith("# managed by plumbline");
        assertThat(bed.provider().health(env, first.results())).isEqualTo(Health.HEALTHY);
        int reloads = bed.reloads();
        ChangeSet second = bed.plan(env);
        assertThat(second.hasWrites()).as("second plan: %s", second).isFalse();
        assertThat(bed.provider().apply(env, second)).extracting(ObjectResult::result)
                .containsOnly(ObjectResult.Result.UNCHANGED);
        assertThat(bed.reloads()).isEqualTo(reloads);
    }

    @Test
    void aServerPutIntoMaintThroughTheRuntimeApiGetsNoTrafficWithoutAReload() throws Exception {
        bed.reconcile(bed.env(List.of(bed.server("s1", "ready", 1), bed.server("s2", "ready", 1))));
        int reloads = bed.reloads();

        HaproxyTestbed.Outcome outcome = bed.reconcile(
                bed.env(List.of(bed.server("s1", "ready", 1), bed.server("s2", "maint", 1))));

        assertThat(outcome.plan().with(Action.UPDATE)).singleElement().satisfies(c -> {
            assertThat(c.key()).hasToString("haproxy Server app/s2");
            assertThat(c.fields()).containsExactly(new FieldChange("state", "maint", "ready"));
        });
        assertThat(outcome.writes()).extracting(ObjectResult::result).containsExactly(ObjectResult.Result.CONFIGURED);
        assertThat(bed.reloads()).isEqualTo(reloads);
        assertThat(bed.live("s2").state()).isEqualTo("maint");
        assertThat(bed.answers(10)).containsExactly("200 s1");
        assertThat(Files.readString(bed.paths().config())).contains("weight 1 disabled");
    }

    @Test
    void aServerMovedToAnotherIpAddressMovesWithoutAReload() throws Exception {
        bed.reconcile(bed.env(List.of(bed.server("s1", "ready", 1))));
        int reloads = bed.reloads();
        Server moved = new Server("s1", bed.backends().address("s3"), 1, "ready", true);

        HaproxyTestbed.Outcome outcome = bed.reconcile(bed.env(List.of(moved)));

        assertThat(outcome.plan().filter(c -> c.action().writes())).singleElement()
                .satisfies(c -> assertThat(c.fields()).extracting(FieldChange::path).containsExactly("address"));
        assertThat(outcome.writes()).extracting(ObjectResult::result).containsExactly(ObjectResult.Result.CONFIGURED);
        assertThat(bed.reloads()).isEqualTo(reloads);
        assertThat(bed.answers(5)).containsExactly("200 s3");
    }

    @Test
    void aNewServerReloadsAndRuntimeStateOfTheOthersSurvives() throws Exception {
        bed.reconcile(bed.env(List.of(bed.server("s1", "ready", 1), bed.server("s2", "ready", 1))));
        bed.reconcile(bed.env(List.of(bed.server("s1", "ready", 5), bed.server("s2", "maint", 1))));
        int reloads = bed.reloads();

        HaproxyTestbed.Outcome outcome = bed.reconcile(bed.env(List.of(bed.server("s1", "ready", 5),
                bed.server("s2", "maint", 1), bed.server("s3", "ready", 1))));

        assertThat(outcome.plan().filter(c -> c.action().writes())).extracting(c -> c.key().toString())
                .containsExactlyInAnyOrder("haproxy Config /etc/haproxy/haproxy.cfg", "haproxy Server app/s3");
        assertThat(outcome.writes()).extracting(ObjectResult::result).containsOnly(ObjectResult.Result.CONFIGURED,
                ObjectResult.Result.CREATED);
        assertThat(bed.reloads()).isEqualTo(reloads + 1);
        assertThat(bed.answers(20)).containsExactlyInAnyOrder("200 s1", "200 s3");
        assertThat(bed.live("s2").state()).isEqualTo("maint");
        assertThat(bed.live("s1").weight()).isEqualTo(5);
    }

    @Test
    void aDrainedServerSurvivesAReloadThroughTheStateFile() throws Exception {
        bed.reconcile(bed.env(List.of(bed.server("s1", "ready", 1), bed.server("s2", "ready", 1))));
        bed.reconcile(bed.env(List.of(bed.server("s1", "ready", 1), bed.server("s2", "drain", 1))));

        // Drain cannot be written in the file: only the saved server state carries it across the reload.
        HaproxyTestbed.Outcome outcome = bed.reconcile(bed.env(List.of(bed.server("s1", "ready", 1),
                bed.server("s2", "drain", 1), bed.server("s3", "ready", 1))));

        assertThat(outcome.plan().filter(c -> c.key().name().equals("s2"))).extracting(Change::action)
                .containsExactly(Action.NOOP);
        assertThat(bed.live("s2").state()).isEqualTo("drain");
        assertThat(bed.answers(20)).containsExactlyInAnyOrder("200 s1", "200 s3");
    }

    @Test
    void aConfigurationHaproxyRejectsIsRefusedBeforeTheReloadAndTheOldOneKeepsServing() throws Exception {
        bed.reconcile(bed.env(List.of(bed.server("s1", "ready", 1))));
        String before = Files.readString(bed.paths().config());
        int reloads = bed.reloads();

        // The schema allows no such algorithm; the record is built by hand to reach HAProxy's own check.
        HaproxyTestbed.Outcome outcome = bed.reconcile(bed.env(bed.spec(List.of(bed.server("s1", "ready", 1)),
                "fastest", 3)));

        assertThat(outcome.writes()).singleElement().satisfies(r -> {
            assertThat(r.result()).isEqualTo(ObjectResult.Result.FAILED);
            assertThat(r.message()).contains("haproxy rejected the new configuration")
                    .contains("balance only supports").containsPattern("haproxy\\.cfg\\.next:\\d+");
        });
        assertThat(bed.reloads()).isEqualTo(reloads);
        assertThat(Files.readString(bed.paths().config())).isEqualTo(before);
        assertThat(bed.answers(5)).containsExactly("200 s1");
    }

    @Test
    void aFailedReloadIsAHealthFailureAndLeavesNothingOfTheNewFile() throws Exception {
        bed.reconcile(bed.env(List.of(bed.server("s1", "ready", 1), bed.server("s2", "ready", 1))));
        LoadedEnvironment lastGood = bed.env(List.of(bed.server("s1", "ready", 1), bed.server("s2", "drain", 1)));
        bed.reconcile(lastGood);
        String before = Files.readString(bed.paths().config());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // haproxy -c passes (it binds nothing); only the reload finds the port in use. The same commit puts s2
            // back into service and moves s1 to another port of the same backend.
            HaproxySpec spec = bed.spec(List.of(new Server("s1", bed.backends().address("s3"), 1, "ready", true),
                    bed.server("s2", "ready", 1)), "roundrobin", 3);
            List<Frontend> frontends = new ArrayList<>(spec.frontends());
            frontends.add(new Frontend("taken", "127.0.0.1:" + taken.getLocalPort(), HaproxyTestbed.BACKEND,
                    List.of()));
            HaproxySpec withTakenPort = new HaproxySpec(spec.config(), spec.masterSocket(),
                    spec.runtimeSocket(), spec.stateFile(), spec.global(), spec.defaults(), frontends,
                    spec.backends(), spec.stats(), List.of());

            HaproxyTestbed.Outcome outcome = bed.reconcile(bed.env(withTakenPort));

            assertThat(outcome.writes()).filteredOn(r -> r.result() == ObjectResult.Result.FAILED).singleElement()
                    .satisfies(r -> {
                        assertThat(r.failure()).isEqualTo(ObjectResult.Failure.UNHEALTHY);
                        assertThat(r.message()).contains("did not take the new configuration")
                                .contains("failed reloads went from 0 to 1");
                    });
            assertThat(outcome.writes()).filteredOn(r -> r.key().name().equals("s2")).singleElement()
                    .extracting(ObjectResult::result).isEqualTo(ObjectResult.Result.SKIPPED);
            assertThat(bed.provider().health(bed.env(withTakenPort), outcome.results()).status())
                    .isEqualTo(Health.Status.DEGRADED);
            assertThat(Files.readString(bed.paths().config())).isEqualTo(before);
            assertThat(Files.list(bed.paths().config().getParent())).extracting(f -> f.getFileName().toString())
                    .as("no .next or .last-good file is left").containsOnly("haproxy.cfg", "haproxy.cfg.log");
            assertThat(bed.live("s2").state()).as("no server of the commit was touched").isEqualTo("drain");
            assertThat(Files.readString(bed.paths().stateFile())).as("the saved state is the running workers'")
                    .contains(" s1 ", " s2 ");
            assertThat(bed.answers(5)).containsExactly("200 s1");
            assertThat(bed.haproxy().log()).contains("cannot bind socket");
            assertThat(bed.plan(lastGood).hasWrites()).as("the workers run the file on disk").isFalse();
        }
        // The next reload starts from the saved state: s2 is still drained.
        bed.reconcile(bed.env(List.of(bed.server("s1", "ready", 1), bed.server("s2", "drain", 1),
                bed.server("s3", "ready", 1))));
        assertThat(bed.live("s2").state()).isEqualTo("drain");
    }

    @Test
    void driftMadeByHandIsReportedAndCorrected() throws Exception {
        LoadedEnvironment env = bed.env(List.of(bed.server("s1", "ready", 1), bed.server("s2", "ready", 1)));
        bed.reconcile(env);
        assertThat(bed.byHand("set server app/s1 state maint")).isBlank();
        assertThat(bed.byHand("set server app/s2 weight 7")).isBlank();

        ChangeSet drift = bed.plan(env);

        assertThat(drift.with(Action.UPDATE)).extracting(Change::fields).containsExactlyInAnyOrder(
                List.of(new FieldChange("state", "ready", "maint")), List.of(new FieldChange("weight", 1, 7)));
        bed.provider().apply(env, drift);
        assertThat(bed.plan(env).hasWrites()).isFalse();
        assertThat(bed.answers(10)).containsExactlyInAnyOrder("200 s1", "200 s2");
    }

    @Test
    void drainedOnTheStatsPageIsReported() throws Exception {
        LoadedEnvironment env = bed.env(List.of(bed.server("s1", "ready", 1), bed.server("s2", "ready", 1)));
        bed.reconcile(env);

        StatsPage.setState(bed.statsPage(), HaproxyTestbed.BACKEND, "s2", "drain");

        await().atMost(Duration.ofSeconds(10)).until(() -> bed.live("s2").state().equals("drain"));
        assertThat(bed.plan(env).with(Action.UPDATE)).singleElement()
                .satisfies(c -> assertThat(c.fields()).containsExactly(new FieldChange("state", "ready", "drain")));
    }

    @Test
    void aConfigurationWrittenByHandIsNeverOverwritten() throws Exception {
        String foreign = "global\n    stats socket " + bed.paths().runtimeSocket() + " level admin\n";
        Files.writeString(bed.paths().config(), foreign);
        LoadedEnvironment env = bed.env(List.of(bed.server("s1", "ready", 1)));

        assertThatThrownBy(() -> bed.reconcile(env)).isInstanceOf(ProviderException.class)
                .hasMessageContaining("was not written by Plumbline");
        assertThat(Files.readString(bed.paths().config())).isEqualTo(foreign);
    }

    @Test
    void withoutAMasterSocketObserveFailsClearly() throws Exception {
        LoadedEnvironment env = bed.env(List.of(bed.server("s1", "ready", 1)));
        bed.haproxy().close();

        assertThatThrownBy(() -> bed.plan(env))
                .hasMessageContaining("master socket").hasMessageContaining("master-worker");
    }
}
