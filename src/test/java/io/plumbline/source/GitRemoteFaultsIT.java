package io.plumbline.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.plumbline.testing.Ports;
import io.plumbline.testing.TestRepo;
import io.plumbline.testing.Toxiproxy;
import io.plumbline.testing.Toxiproxy.Toxic;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetching from a real {@code git daemon} through Toxiproxy, a new commit waiting on the remote: a remote that resets
 * the connection or cuts it halfway fails the fetch and keeps the last good head (never no head, never a half-fetched
 * one); a slow or sliced connection still fetches the new commit. A remote that stops answering (git:// through
 * Toxiproxy's silent peer; an https and an ssh remote that accept the connection and never say a word) fails the
 * fetch after the configured timeout and keeps the last good head; the timeout is a guard against a hang here, not a
 * measurement.
 */
class GitRemoteFaultsIT {
    @TempDir
    Path tmp;
    private TestRepo remote;
    private Process daemon;
    private Toxiproxy.Proxy proxy;
    private GitSource source;

    @BeforeEach
    void serve() throws IOException {
        remote = TestRepo.withExampleRepo(tmp);
        int port = Ports.free();
        daemon = new ProcessBuilder("git", "daemon", "--export-all", "--reuseaddr", "--listen=127.0.0.1",
                "--port=" + port, "--base-path=" + remote.dir().getParent(), remote.dir().toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("daemon.log").toFile()).start();
        await("git daemon on port " + port).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> listens(port));
        proxy = Toxiproxy.shared().proxy("git", "127.0.0.1", port);
        String url = "git://127.0.0.1:" + proxy.port() + "/" + remote.dir().getFileName();
        source = new GitSource(new GitSettings(url, "main", tmp.resolve("cache"), null, null, null, null, List.of(),
                Duration.ofSeconds(3)));
    }

    @AfterEach
    void stop() {
        source.close();
        proxy.delete();
        daemon.destroy();
        remote.close();
    }

    static Stream<Toxic> broken() {
        // 200 bytes cut the answer inside the advertised refs; the whole fetch of one commit is about 1.5 KB
        return Stream.of(Toxic.resetPeer(0), Toxic.limitData(200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void aBrokenRemoteFailsTheFetchAndKeepsTheLastGoodHead(Toxic fault) throws Exception {
        String good = source.fetch().branchHead();
        remote.write("environments/new.yaml", "# waiting on the remote\n").commitAll("a new commit");
        proxy.add(fault);

        GitFetchException e = catchThrowableOfType(GitFetchException.class, () -> source.fetch());

        assertThat(e).as("a fetch through " + fault).isNotNull().hasMessageStartingWith("fetching ");
        assertThat(source.head()).contains(good);
        proxy.clear();
        assertThat(source.fetch().branchHead()).as("once the remote answers again").isEqualTo(remote.head());
    }

    static Stream<Toxic> slow() {
        return Stream.of(Toxic.latency(200, 50), Toxic.slicer(50, 1000), Toxic.bandwidth(16));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("slow")
    void aSlowRemoteStillGivesTheNewCommit(Toxic fault) throws Exception {
        source.fetch();
        String pushed = remote.write("environments/new.yaml", "# waiting on the remote\n").commitAll("a new commit");
        proxy.add(fault);

        assertThat(source.fetch().branchHead()).isEqualTo(pushed);
    }

    @Test
    @Timeout(120)
    void aGitRemoteThatFallsSilentFailsTheFetchAfterTheTimeout() throws Exception {
        String good = source.fetch().branchHead();
        remote.write("environments/new.yaml", "# waiting on the remote\n").commitAll("a new commit");
        proxy.add(Toxic.timeout(0));

        GitFetchException e = catchThrowableOfType(GitFetchException.class, () -> source.fetch());

        assertThat(e).isNotNull().hasMessageStartingWith("fetching ").hasMessageContaining("timed out");
        assertThat(source.head()).contains(good);
        proxy.clear();
        assertThat(source.fetch().branchHead()).as("once the remote answers again").isEqualTo(remote.head());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://127.0.0.1:%d/infra.git", "https://127.0.0.1:%d/infra.git",
            "ssh://git@127.0.0.1:%d/infra.git"})
    @Timeout(120)
    void aRemoteThatAcceptsAndSaysNothingFailsTheFetchAfterTheTimeout(String url) throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             GitSource stuck = new GitSource(new GitSettings(url.formatted(silent.getLocalPort()), "main",
                     tmp.resolve("silent-cache"), null, null, null, null, List.of(), Duration.ofSeconds(2)))) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();

            GitFetchException e = catchThrowableOfType(GitFetchException.class, stuck::fetch);

            assertThat(e).as("a fetch from " + url).isNotNull().hasMessageStartingWith("fetching ");
            assertThat(held).as("the remote was reached and held the connection").isNotEmpty();
            assertThat(stuck.head()).isEmpty();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    private static boolean listens(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
