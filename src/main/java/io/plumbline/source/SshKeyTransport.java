package io.plumbline.source;

import java.nio.file.Path;
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
