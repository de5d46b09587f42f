package io.plumbline.provider.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.provider.Fence;
import io.plumbline.provider.NotOwnedException;
import io.plumbline.render.haproxy.MigrationWeights;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations by steps end to end, everything real: HAProxy moving the weights on its admin socket, its own exporter
 * scraped every second by a Prometheus server, the analysis's query asked of that server, two backends on loopback and
 * load through the frontend throughout.
 */
class MigrationIT {
    private static final String A = "a".repeat(40);
    private static final String B = "b".repeat(40);
    @TempDir
    Path root;
    private MigrationLab lab;
    private final List<Integer> steps = new CopyOnWriteArrayList<>();
    private final List<String> progress = new CopyOnWriteArrayList<>();
    private final AtomicBoolean aborted = new AtomicBoolean();

    @BeforeEach
    void start() throws Exception {
        lab = MigrationLab.start(root);
    }

    @AfterEach
    void stop() throws Exception {
        lab.close();
    }

    /** Records every step and abort; {@code at} runs when the migration sets a step's weights. */
    private MigrationListener listener(java.util.function.IntConsumer at) {
        return new MigrationListener() {
            @Override
            public void step(String environment, String backend, int percent) {
                steps.add(percent);
                at.accept(percent);
            }

            @Override
            public void aborted(String environment, String backend) {
                aborted.set(true);
            }
        };
    }

    /** The engine's fence as a single service gives it: progress recorded, superseded when {@code newer} is set. */
    private Fence fence(AtomicBoolean newer) {
        return new Fence() {
            @Override
            public void check() {
            }

            @Override
            public boolean superseded() {
                return newer.get();
            }

            @Override
            public void progress(String what) {
                progress.add(what);
            }
        };
    }

    @Test
    void aBackendThatTurnsBadIsAbortedBackToItsLastGoodStepWithoutAFailureOnTheHealthyPath() throws Exception {
        LoadedEnvironment env = lab.env(lab.spec(List.of(5, 25, 50, 100), "6s", "2s", 0.01), A);
        HaproxyProvider provider = lab.provider(listener(percent -> {
            if (percent == 25) {
                lab.breakNewBackend();
            }
        }));
        lab.before();
        MigrationLab.Load load = lab.load(4);

        ObjectResult result = MigrationLab.migration(lab.apply(provider, env, fence(new AtomicBoolean())));
        load.close();

        assertThat(result.result()).isEqualTo(ObjectResult.Result.FAILED);
        assertThat(result.permanent()).as("waits for a new commit").isTrue();
        assertThat(result.message()).startsWith("migration aborted at 25%: " + MigrationLab.ERROR_RATIO + " = ")
                .contains(" > 0.01").endsWith("; weights back at 5%");
        assertThat(lab.weights()).isEqualTo(MigrationWeights.at(migration(env), 5));
        assertThat(steps).containsExactly(5, 25, 5);
        assertThat(aborted).isTrue();
        assertThat(progress).contains("migrating: 5% → 25%, next check in 2 s");
        assertThat(load.answers()).as("answers under load").hasSizeGreaterThan(100)
                .noneMatch(MigrationLab.Answer::failedOnHealthyPath)
                .anyMatch(MigrationLab.Answer::badBackendFailure);

        // It stays there: the plan says why, and the same commit applied again changes nothing.
        assertThat(lab.plan(provider, env).changes()).anySatisfy(c -> assertThat(c.fields())
                .anySatisfy(f -> assertThat(f.path()).isEqualTo("aborted")));
        ObjectResult again = MigrationLab.migration(lab.apply(provider, env, fence(new AtomicBoolean())));
        assertThat(again.message()).isEqualTo(result.message());
        assertThat(steps).containsExactly(5, 25, 5);
        assertThat(lab.weights()).isEqualTo(MigrationWeights.at(migration(env), 5));
    }

    @Test
    void aGoodBackendReachesAHundredPercentByItselfAndThePlanIsThenEmpty() throws Exception {
        LoadedEnvironment env = lab.env(lab.spec(List.of(5, 50, 100), "3s", "1s", 0.01), A);
        HaproxyProvider provider = lab.provider(listener(percent -> { }));
        lab.before();
        assertThat(lab.plan(provider, env).changes()).anySatisfy(c -> assertThat(c.fields())
                .anySatisfy(f -> assertThat(String.valueOf(f.wanted())).startsWith("5% → 50% → 100%, each held 3s")));
        MigrationLab.Load load = lab.load(4);

        ObjectResult result = MigrationLab.migration(lab.apply(provider, env, fence(new AtomicBoolean())));
        load.close();

        assertThat(result.result()).as(result.message()).isEqualTo(ObjectResult.Result.CONFIGURED);
        assertThat(steps).containsExactly(5, 50, 100);
        assertThat(lab.weights()).isEqualTo(Map.of("old", 0, "new", 1));
        assertThat(progress).contains("migrating: 50% → 100%, next check in 1 s",
                "migrating: 100% (last step), next check in 1 s");
        assertThat(load.answers()).hasSizeGreaterThan(100).allMatch(a -> a.status() == 200);
        assertThat(load.answers().get(load.answers().size() - 1).body()).isEqualTo("new");
        assertThat(lab.plan(provider, env).hasWrites()).isFalse();
    }

    @Test
    void aRestartResumesAtTheStepItWasIn() throws Exception {
        LoadedEnvironment env = lab.env(lab.spec(List.of(5, 50, 100), "3s", "1s", 0.01), A);
        AtomicBoolean gone = new AtomicBoolean();
        lab.before();
        // The first process stops writing at 50% (as a replica that lost its Lease, or a process killed, would).
        HaproxyProvider first = lab.provider(listener(percent -> gone.set(percent == 50)));
        Fence dying = new Fence() {
            @Override
            public void check() {
                if (gone.get()) {
                    throw new NotOwnedException("gone");
                }
            }
        };
        try {
            lab.apply(first, env, dying);
        } catch (NotOwnedException expected) {
            // The apply stops at its next look at the fence.
        }
        assertThat(steps).containsExactly(5, 50);
        assertThat(lab.weights()).isEqualTo(MigrationWeights.at(migration(env), 50));

        steps.clear();
        HaproxyProvider restarted = lab.provider(listener(percent -> { }));
        ObjectResult result = MigrationLab.migration(lab.apply(restarted, env, fence(new AtomicBoolean())));

        assertThat(result.result()).as(result.message()).isEqualTo(ObjectResult.Result.CONFIGURED);
        assertThat(steps).as("resumed at 50%, not from the start").containsExactly(50, 100);
    }

    @Test
    void aNewerCommitWinsOverARunningMigration() throws Exception {
        LoadedEnvironment a = lab.env(lab.spec(List.of(25, 50, 100), "30s", "1s", 0.01), A);
        AtomicBoolean newer = new AtomicBoolean();
        HaproxyProvider provider = lab.provider(listener(percent -> newer.compareAndSet(false, percent == 25)));
        lab.before();

        CompletableFuture<List<ObjectResult>> running = CompletableFuture.supplyAsync(
                () -> lab.apply(provider, a, fence(newer)));
        ObjectResult stopped = MigrationLab.migration(running.get(20, TimeUnit.SECONDS));

        assertThat(stopped.message()).isEqualTo("migration stopped at 25%: a newer commit takes over from this step");
        assertThat(stopped.permanent()).isTrue();
        // The newer commit shortens the migration (50% then 100%, held 2 s each): applied at once, from its own start.
        steps.clear();
        LoadedEnvironment b = lab.env(lab.spec(List.of(50, 100), "2s", "1s", 0.01), B);
        ObjectResult done = MigrationLab.migration(lab.apply(provider, b, fence(new AtomicBoolean())));
        assertThat(done.result()).as(done.message()).isEqualTo(ObjectResult.Result.CONFIGURED);
        assertThat(steps).containsExactly(50, 100);
        assertThat(lab.weights()).isEqualTo(Map.of("old", 0, "new", 1));
    }

    private static io.plumbline.model.spec.haproxy.Migration migration(LoadedEnvironment env) {
        return env.environment().spec().haproxy().backends().get(0).migration();
    }
}
