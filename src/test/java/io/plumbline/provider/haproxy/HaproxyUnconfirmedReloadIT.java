package io.plumbline.provider.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.engine.plan.Pipeline;
import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.FieldChange;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.provider.ProviderException;
import io.plumbline.render.haproxy.ConfigRenderer;
import io.plumbline.render.haproxy.HaproxyResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload HAProxy has not confirmed in time is unknown, not failed: the new file stays, the failure is one that
 * passes (retried, never rolled back), and the next reconcile finds out whether the workers run the file on disk and
 * reloads again when they do not.
 */
class HaproxyUnconfirmedReloadIT {
    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(5);
    @TempDir
    Path tmp;
    private Path root;
    private StoppedMaster master;
    private HaproxyTestbed bed;
    private LoadedEnvironment first;
    private LoadedEnvironment next;

    @BeforeEach
    void start() throws Exception {
        root = Files.createDirectories(tmp.resolve("root"));
        master = StoppedMaster.in(tmp);
        bed = HaproxyTestbed.start(root, new HaproxyOptions(master.checkBinary(), root, RELOAD_TIMEOUT,
                Duration.ofSeconds(20)));
        first = bed.env(List.of(bed.server("s1", "ready", 1)));
        next = bed.env(List.of(bed.server("s1", "ready", 1), bed.server("s3", "ready", 1)));
        bed.reconcile(first);
        assertThat(bed.answers(4)).containsExactly("200 s1");
    }

    @AfterEach
    void stop() throws Exception {
        master.resume();
        bed.close();
    }

    @Test
    void aReloadNotConfirmedInTimeIsRetriedWithTheNewFileInPlaceAndTheNextReconcileConverges() throws Exception {
        int failedBefore = new MasterCli(bed.paths().masterSocket()).showProc().failed();
        Pipeline pipeline = new Pipeline(List.of(bed.provider()));
        master.atNextCheck(bed.haproxy().pid());
        Pipeline.Applied applied;
        try {
            applied = pipeline.apply(next, pipeline.plan(next));
        } finally {
            master.resume();
        }

        assertThat(master.wasStopped()).as("the master was stopped during the reload").isTrue();
        assertThat(applied.ok()).isFalse();
        assertThat(applied.transientFailure()).as("retried with backoff").isTrue();
        assertThat(applied.unhealthy()).as("not a health failure, so never rolled back").isFalse();
        assertThat(applied.error()).contains("haproxy had not confirmed the reload of " + bed.paths().config()
                + " within 5s; the new file stays in place; the next reconcile checks whether it was taken and"
                + " reloads again if not");
        assertThat(applied.results().get(HaproxyResources.PROVIDER)).filteredOn(r -> r.key().name().equals("s3"))
                .singleElement().satisfies(r -> assertThat(r.permanent()).isFalse());
        assertThat(Files.readString(bed.paths().config())).as("the new file is not put back")
                .isEqualTo(ConfigRenderer.render(next, bed.paths()));

        // Let go, the master finishes the reload it was sent, re-executing with its socket closed meanwhile. Once it
        // answers again, the very next reconcile converges, whether that reload took the new file or not.
        MasterCli cli = new MasterCli(bed.paths().masterSocket());
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(ProviderException.class)
                .until(() -> cli.showProc() != null);
        assertThat(bed.reconcile(next).writes()).noneMatch(r -> r.result() == ObjectResult.Result.FAILED);
        assertThat(bed.plan(next).hasWrites()).as("a fresh plan").isFalse();
        assertThat(bed.answers(12)).as("the workers run the new file").contains("200 s3");
        ProcStatus now = new MasterCli(bed.paths().masterSocket()).showProc();
        assertThat(now.failed()).isEqualTo(failedBefore);
        assertThat(HaproxyHost.of(next, HaproxyOptions.under(root)).unconfirmed().pending(now)).isFalse();
    }

    @Test
    void aFileSwappedInThatHaproxyNeverReloadedIsPlannedAndReloaded() throws Exception {
        neverReloaded(next);

        ChangeSet plan = bed.plan(next);

        assertThat(reloadField(plan)).as("the plan sees the workers run the last good file").isNotNull();
        assertThat(plan.changes()).filteredOn(c -> c.key().kind().equals(HaproxyResources.CONFIG)).singleElement()
                .satisfies(c -> assertThat(c.fields()).extracting(FieldChange::path).anyMatch(p -> p.startsWith(
                        "sections")));
        assertThat(bed.answers(4)).containsExactly("200 s1");

        assertThat(bed.reconcile(next).writes()).noneMatch(r -> r.result() == ObjectResult.Result.FAILED);

        assertThat(bed.plan(next).hasWrites()).isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> bed.answers(8).contains("200 s3"));
        assertThat(unconfirmedRecord()).doesNotExist();
    }

    @Test
    void aCommitBackToTheRunningFileStillReloadsSoTheDiskAgreesWithTheWorkers() throws Exception {
        neverReloaded(next);

        // The desired file is what the workers run, but not what a restart would start from.
        assertThat(reloadField(bed.plan(first))).isNotNull();
        assertThat(bed.reconcile(first).writes()).noneMatch(r -> r.result() == ObjectResult.Result.FAILED);

        assertThat(Files.readString(bed.paths().config())).isEqualTo(ConfigRenderer.render(first, bed.paths()));
        assertThat(bed.plan(first).hasWrites()).isFalse();
        assertThat(bed.answers(4)).containsExactly("200 s1");
    }

    /** What a Plumbline stopped between the swap and the reload command leaves: the record, then the new file. */
    private void neverReloaded(LoadedEnvironment env) {
        HaproxyHost host = HaproxyHost.of(env, HaproxyOptions.under(root));
        host.unconfirmed().begin(host.master().showProc());
        host.files().swapIn(host.files().writeChecked(ConfigRenderer.render(env, host.paths())), host.files().read());
    }

    private static FieldChange reloadField(ChangeSet plan) {
        return plan.changes().stream().filter(c -> c.action() == Action.UPDATE).map(Change::fields)
                .flatMap(List::stream).filter(f -> f.path().equals(HaproxyObserver.RELOAD)).findFirst().orElse(null);
    }

    private Path unconfirmedRecord() {
        return bed.paths().config().resolveSibling("haproxy.cfg.unconfirmed");
    }
}
