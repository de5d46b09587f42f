package io.plumbline.source;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/** SSH with one configured private key; host keys are checked against the user's known_hosts as usual. */
final class SshKeyTransport {
    private SshKeyTransport() {
    }

    static TransportConfigCallback using(Path key) {
        Path home = Path.of(System.getProperty("user.home"));
        SshdSessionFactory factory = new SshdSessionFactoryBuilder()
                .setHomeDirectory(home.toFile())
                .setSshDirectory(home.resolve(".ssh").toFile())
                .setDefaultIdentities(dir -> List.of(key))
                .build(null);
        return transport -> {
            if (transport instanceof SshTransport ssh) {
                ssh.setSshSessionFactory(factory);
            }
        };
    }
}
