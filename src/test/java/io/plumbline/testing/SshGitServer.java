package io.plumbline.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A real SSH server on 127.0.0.1 that serves {@code git-upload-pack} for one repository, accepting one client
 * key. It writes the client's private key and a known_hosts file naming its own host key.
 */
public final class SshGitServer implements AutoCloseable {
    private static final Pattern UPLOAD_PACK = Pattern.compile("^git-upload-pack '?(.+?)'?$");
    private final SshServer server = SshServer.setUpDefaultServer();
    private final Path clientKey;
    private final Path knownHosts;

    public SshGitServer(Path repository, Path dir) throws IOException, GeneralSecurityException {
        KeyPair client = KeyPairGenerator.getInstance("EC").generateKeyPair();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(dir.resolve("host-key")));
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, client.getPublic()));
        server.setCommandFactory((channel, command) -> new UploadPackCommand(command, repository));
        server.start();
        clientKey = dir.resolve("id_ecdsa");
        try (OutputStream out = Files.newOutputStream(clientKey)) {
            new OpenSSHKeyPairResourceWriter().writePrivateKey(client, "plumbline-test", null, out);
        }
        PublicKey hostKey = server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
        knownHosts = Files.writeString(dir.resolve("known_hosts"),
                "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey) + "\n");
    }

    public String url(String path) {
        return "ssh://git@127.0.0.1:" + server.getPort() + path;
    }

    public Path clientKey() {
        return clientKey;
    }

    public Path knownHosts() {
        return knownHosts;
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** {@code git-upload-pack '<path>'}: what a fetch asks for, answered by JGit's own upload-pack. */
    private static final class UploadPackCommand implements Command {
        private final String command;
        private final Path repository;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        UploadPackCommand(String command, Path repository) {
            this.command = command;
            this.repository = repository;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            new Thread(this::serve, "ssh-upload-pack").start();
        }

        private void serve() {
            Matcher m = UPLOAD_PACK.matcher(command);
            if (!m.matches()) {
                exit.onExit(127, "unsupported command: " + command);
                return;
            }
            try (Repository repo = new FileRepositoryBuilder().setWorkTree(repository.toFile()).setMustExist(true)
                    .build()) {
                new UploadPack(repo).upload(in, out, err);
                out.flush();
                exit.onExit(0);
            } catch (IOException e) {
                exit.onExit(1, e.getMessage());
            }
        }

        @Override
        public void destroy(ChannelSession channel) {
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }
    }
}
