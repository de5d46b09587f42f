package io.plumbline.source;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * SSH with one configured private key. Host keys are always checked: against the given known_hosts file, or
 * the user's {@code ~/.ssh/known_hosts}; an unknown host is refused, never trusted on first use.
 */
final class SshKeyTransport {
    private SshKeyTransport() {
    }

    /** Apache MINA SSHD reads its settings from system properties under this prefix when nothing else sets them. */
    private static final String SSHD_SETTING = "org.apache.sshd.config.";

    /**
     * A remote that accepts the connection and never finishes the SSH handshake fails the fetch after
     * {@code timeout}. JGit's timeout covers the TCP connect and every read once the session is open, but it waits
     * for the handshake and authentication as long as SSHD's authentication timeout (2 minutes by default), which
     * JGit does not let us set per session: it is set for the whole JVM, which has one configuration repository.
     */
    static void limitHandshake(Duration timeout) {
        System.setProperty(SSHD_SETTING + "auth-timeout", String.valueOf(Math.max(1000, timeout.toMillis())));
    }

    static TransportConfigCallback using(Path key, Path knownHosts) {
        Path home = Path.of(System.getProperty("user.home"));
        SshdSessionFactoryBuilder builder = new SshdSessionFactoryBuilder()
                .setHomeDirectory(home.toFile())
                .setSshDirectory(home.resolve(".ssh").toFile())
                .setDefaultIdentities(dir -> List.of(key));
        if (knownHosts != null) {
            builder.setDefaultKnownHostsFiles(dir -> List.of(knownHosts));
        }
        SshdSessionFactory factory = builder.build(null);
        return transport -> {
            if (transport instanceof SshTransport ssh) {
                ssh.setSshSessionFactory(factory);
            }
        };
    }
}
