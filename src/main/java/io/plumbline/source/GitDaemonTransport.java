package io.plumbline.source;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.BasePackFetchConnection;
import org.eclipse.jgit.transport.BasePackPushConnection;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.PackTransport;
import org.eclipse.jgit.transport.PushConnection;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TcpTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportProtocol;
import org.eclipse.jgit.transport.URIish;

/**
 * The {@code git://} transport, with the fetch's timeout on the socket itself. JGit's own {@code git://} transport
 * ends a blocked read by interrupting the reading thread, which does not unblock a socket read: a remote that
 * accepts the connection and then says nothing made a fetch wait for ever. Here every read of the socket gives up
 * after the timeout ({@code SO_TIMEOUT}), and the fetch fails like any broken fetch.
 *
 * <p>The request is the Git protocol's ({@code git-upload-pack /path NUL host=host:port NUL}, asking for protocol
 * version 2 for fetches as JGit does); the rest of the conversation is JGit's.
 */
final class GitDaemonTransport extends TcpTransport implements PackTransport {
    private static final int GIT_PORT = 9418;
    /** JGit holds registered protocols weakly; this keeps ours. */
    private static final TransportProtocol PROTOCOL = new Protocol();

    static {
        // registered protocols are asked before JGit's own, so git:// URLs come here
        Transport.register(PROTOCOL);
    }

    private GitDaemonTransport(Repository local, URIish uri) {
        super(local, uri);
    }

    /** Makes sure git:// URLs use this transport (idempotent). */
    static void install() {
        // the static initializer did it
    }

    @Override
    public FetchConnection openFetch() throws TransportException {
        return new Fetch(this, null);
    }

    @Override
    public FetchConnection openFetch(Collection<RefSpec> refSpecs, String... additionalPatterns)
            throws TransportException {
        return new Fetch(this, refSpecs, additionalPatterns);
    }

    @Override
    public PushConnection openPush() throws TransportException {
        return new Push(this);
    }

    @Override
    public void close() {
        // connections close their own sockets
    }

    private Socket open() throws TransportException {
        int millis = getTimeout() > 0 ? getTimeout() * 1000 : 0;
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : GIT_PORT), millis);
            socket.setSoTimeout(millis);
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new TransportException(uri, "cannot connect: " + e.getMessage(), e);
        }
    }

    /** The first packet: which service, on which repository, for which host; and optionally the protocol version. */
    private String request(String service, boolean version2) {
        String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        return service + " " + uri.getPath() + "\0host=" + host + "\0" + (version2 ? "\0version=2\0" : "");
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing after a failure; the failure is what counts
        }
    }

    private static final class Fetch extends BasePackFetchConnection {
        private final Socket socket;

        Fetch(GitDaemonTransport transport, Collection<RefSpec> refSpecs, String... additionalPatterns)
                throws TransportException {
            super(transport);
            socket = transport.open();
            try {
                init(new BufferedInputStream(socket.getInputStream()),
                        new BufferedOutputStream(socket.getOutputStream()));
                pckOut.writeString(transport.request("git-upload-pack", true));
                pckOut.flush();
            } catch (IOException e) {
                close();
                throw new TransportException(uri, "the remote hung up: " + e.getMessage(), e);
            }
            // false: the remote speaks protocol version 2, where the refs are asked for
            if (!readAdvertisedRefs()) {
                lsRefs(refSpecs == null ? Set.of() : refSpecs, additionalPatterns);
            }
        }

        @Override
        public void close() {
            super.close();
            closeQuietly(socket);
        }
    }

    private static final class Push extends BasePackPushConnection {
        private final Socket socket;

        Push(GitDaemonTransport transport) throws TransportException {
            super(transport);
            socket = transport.open();
            try {
                init(new BufferedInputStream(socket.getInputStream()),
                        new BufferedOutputStream(socket.getOutputStream()));
                pckOut.writeString(transport.request("git-receive-pack", false));
                pckOut.flush();
            } catch (IOException e) {
                close();
                throw new TransportException(uri, "the remote hung up: " + e.getMessage(), e);
            }
            readAdvertisedRefs();
        }

        @Override
        public void close() {
            super.close();
            closeQuietly(socket);
        }
    }

    private static final class Protocol extends TransportProtocol {
        @Override
        public String getName() {
            return "Git daemon, with socket timeouts";
        }

        @Override
        public Set<String> getSchemes() {
            return Set.of("git");
        }

        @Override
        public Set<URIishField> getRequiredFields() {
            return EnumSet.of(URIishField.HOST, URIishField.PATH);
        }

        @Override
        public Set<URIishField> getOptionalFields() {
            return EnumSet.of(URIishField.PORT);
        }

        @Override
        public int getDefaultPort() {
            return GIT_PORT;
        }

        @Override
        public Transport open(URIish uri, Repository local, String remoteName) {
            return new GitDaemonTransport(local, uri);
        }
    }
}
