package io.plumbline.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.plumbline.testing.Ports;
import io.plumbline.testing.TestRepo;
import io.plumbline.testing.Toxiproxy;
import io.plumbline.testing.Toxiproxy.Toxic;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetching from a real {@code git daemon} through Toxiproxy, a new commit waiting on the remote: a remote that resets
 * the connection or cuts it halfway fails the fetch and keeps the last good head (never no head, never a half-fetched
 * one); a slow or sliced connection still fetches the new commit. A git:// remote that accepts and then stays silent
 * is not here: JGit's git:// transport does not end a read blocked on it (its timeout interrupts the thread, which
 * does not unblock a socket read), so such a fetch waits for ever.
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

    private static boolean listens(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
