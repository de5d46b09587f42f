package io.plumbline.provider.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Revision;
import io.plumbline.model.spec.haproxy.Backend;
import io.plumbline.model.spec.haproxy.HaproxySpec;
import io.plumbline.model.spec.haproxy.Server;
import io.plumbline.render.haproxy.ConfigRenderer;
import io.plumbline.testing.Ports;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile values against a real HAProxy: each is refused before it reaches the running proxy or a file outside
 * the allowed folder, and a server given by host name really moves when its port changes.
 */
class HaproxyHostileIT {
    @TempDir
    Path tmp;
    private Path root;
    private HaproxyTestbed bed;

    @BeforeEach
    void start() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        bed = HaproxyTestbed.start(root);
        bed.reconcile(bed.env(List.of(bed.server("s1", "ready", 1))));
    }

    @AfterEach
    void stop() throws InterruptedException {
        bed.close();
    }

    @Test
    void aServerGivenByHostNameMovesToItsNewPort() throws Exception {
        bed.reconcile(bed.env(List.of(byName("moving", "s1"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> bed.answers(4).equals(Set.of("200 s1")));

        List<ObjectResult> results = bed.reconcile(bed.env(List.of(byName("moving", "s2")))).writes();

        assertThat(results).allSatisfy(r -> assertThat(r.result()).isNotEqualTo(ObjectResult.Result.FAILED));
        await().atMost(Duration.ofSeconds(30)).until(() -> bed.answers(4).equals(Set.of("200 s2")));
        assertThat(bed.plan(bed.env(List.of(byName("moving", "s2")))).changes())
                .allSatisfy(c -> assertThat(c.action().writes()).isFalse());
    }

    @Test
    void hostileValuesReachNeitherTheProxyNorAFileOutsideTheRoot() throws Exception {
        int port = Ports.free();
        Path outside = Files.writeString(tmp.resolve("important.conf"), "keep me\n");
        Path link = root.resolve("var/lib/haproxy/linked-state");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, outside);
        Path foreign = Files.writeString(root.resolve("var/lib/haproxy/foreign-state"), "1\n# someone else's\n");
        String socket = "\n    stats socket ipv4@127.0.0.1:" + port + " level admin";
        String listen = "\nlisten evil\n    bind 127.0.0.1:" + port;
        List<Function<HaproxySpec, HaproxySpec>> hostile = List.of(
                s -> withStateFile(s, "/var/lib/haproxy/state" + socket),
                s -> withStateFile(s, "/../../../.." + outside),
                s -> withStateFile(s, "/var/lib/haproxy/../../../../" + outside.getFileName()),
                s -> withStateFile(s, "/var/lib/haproxy/linked-state"),
                s -> withStateFile(s, "/var/lib/haproxy/state\u0000"),
                s -> withStateFile(s, "/var/lib/haproxy/foreign-state"),
                s -> withConfig(s, "/etc/haproxy/../../../" + tmp.relativize(outside)),
                s -> withServers(s, List.of(new Server("s1", bed.backends().address("s1") + socket, 1, "ready", true))),
                s -> withServers(s, List.of(new Server("s1" + listen, bed.backends().address("s1"), 1, "ready", true))),
                s -> withServers(s, List.of(new Server("s 1", bed.backends().address("s1"), 1, "ready", true))));
        Map<String, String> before = files(tmp);

        for (Function<HaproxySpec, HaproxySpec> mutation : hostile) {
            attempt(bed.env(mutation.apply(bed.spec(List.of(bed.server("s2", "ready", 1)), "roundrobin", 3))));
        }
        attempt(new LoadedEnvironment("environments/x.yaml" + listen, bed.env(List.of()).environment(), List.of(),
                new Revision("0123456789abcdef0123456789abcdef01234567", "refs/heads/main", "")));

        assertThat(listening(port)).as("nothing listens on the injected port").isFalse();
        assertThat(files(tmp)).as("no file changed").isEqualTo(before);
        assertThat(Files.readString(outside)).isEqualTo("keep me\n");
        assertThat(Files.readString(foreign)).isEqualTo("1\n# someone else's\n");
        assertThat(bed.answers(4)).containsExactly("200 s1");
    }

    @Test
    void aLinkInsideAnAllowedFolderLetsNoFolderAppearWhereItPoints() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(root.resolve("var/lib/haproxy/linked-folder"), elsewhere);
        Files.createSymbolicLink(root.resolve("etc/haproxy/linked-folder"), elsewhere);

        attempt(bed.env(withStateFile(bed.spec(List.of(bed.server("s2", "ready", 1)), "roundrobin", 3),
                "/var/lib/haproxy/linked-folder/deeper/state")));
        attempt(bed.env(withConfig(bed.spec(List.of(bed.server("s2", "ready", 1)), "roundrobin", 3),
                "/etc/haproxy/linked-folder/deeper/haproxy.cfg")));

        try (Stream<Path> made = Files.list(elsewhere)) {
            assertThat(made).as("nothing made where the links point").isEmpty();
        }
        assertThat(bed.answers(4)).containsExactly("200 s1");
    }

    @Test
    void anInterruptedReloadLeavesTheNewFileThatHaproxyTakes() throws Exception {
        LoadedEnvironment next = bed.env(List.of(bed.server("s1", "ready", 1), bed.server("s3", "ready", 1)));
        HaproxyHost host = HaproxyHost.of(next, new HaproxyOptions(null, root, Duration.ofSeconds(20), null));
        String text = ConfigRenderer.render(next, host.paths());
        int failedBefore = new MasterCli(host.paths().masterSocket()).showProc().failed();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread reload = new Thread(() -> thrown.set(catchThrowable(() -> host.reloader().reload(text))));

        reload.start();
        await().pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(30))
                .until(() -> text.equals(host.files().read()));
        reload.interrupt();
        reload.join();

        assertThat(host.files().read()).as("the new file stays").isEqualTo(text);
        if (thrown.get() != null) {
            assertThat(thrown.get()).hasMessageContaining("interrupted").hasMessageNotContaining("did not take");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> bed.answers(8).contains("200 s3"));
        assertThat(new MasterCli(host.paths().masterSocket()).showProc().failed()).isEqualTo(failedBefore);
    }

    /** Refused: the reconcile throws, or reports a failed object. */
    private void attempt(LoadedEnvironment env) {
        List<List<ObjectResult>> results = new ArrayList<>();
        Throwable thrown = catchThrowable(() -> results.add(bed.reconcile(env).results()));
        assertThat(thrown != null || results.get(0).stream().anyMatch(r -> r.result() == ObjectResult.Result.FAILED))
                .as("refused: " + env.environment().spec().haproxy()).isTrue();
    }

    private Server byName(String name, String backend) {
        String port = bed.backends().address(backend).split(":")[1];
        return new Server(name, "localhost:" + port, 1, "ready", true);
    }

    private static HaproxySpec withStateFile(HaproxySpec s, String stateFile) {
        return new HaproxySpec(s.config(), s.masterSocket(), s.runtimeSocket(), stateFile, s.global(), s.defaults(),
                s.frontends(), s.backends(), s.stats(), List.of());
    }

    private static HaproxySpec withConfig(HaproxySpec s, String config) {
        return new HaproxySpec(config, s.masterSocket(), s.runtimeSocket(), s.stateFile(), s.global(), s.defaults(),
                s.frontends(), s.backends(), s.stats(), List.of());
    }

    private static HaproxySpec withServers(HaproxySpec s, List<Server> servers) {
        var b = s.backends().get(0);
        return new HaproxySpec(s.config(), s.masterSocket(), s.runtimeSocket(), s.stateFile(), s.global(),
                s.defaults(), s.frontends(), List.of(new Backend(b.name(),
                b.balance(), b.forwardFor(), b.healthCheck(), servers)), s.stats(), List.of());
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** Every regular file under the folder and its content, the haproxy log aside. */
    private static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.toString().endsWith(".log")).toList()) {
                files.put(folder.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }
}
