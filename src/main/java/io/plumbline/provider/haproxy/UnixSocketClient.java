package io.plumbline.provider.haproxy;

import io.plumbline.provider.Fence;
import io.plumbline.provider.Poll;
import io.plumbline.provider.ProviderException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Sends one command to an HAProxy CLI socket (runtime or master) and reads the answer to the end. Every command, the
 * rounds of a wait included, is sent only while the fence says the environment is still this process's.
 */
final class UnixSocketClient {
    /** How a wait on HAProxy asks its sockets again: every 50 ms, as they answer within a millisecond. */
    static final Poll ANSWERS = Poll.every(Duration.ofMillis(50));
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private final Path socket;
    private final String role;
    private final Fence fence;

    /** @param role how errors name the socket: {@code runtime} or {@code master} */
    UnixSocketClient(Path socket, String role) {
        this(socket, role, Fence.NONE);
    }

    UnixSocketClient(Path socket, String role, Fence fence) {
        this.socket = socket;
        this.role = role;
        this.fence = fence;
    }

    Path socket() {
        return socket;
    }

    boolean exists() {
        return Files.exists(socket);
    }

    /** @throws ProviderException (retryable) when the socket cannot be reached or does not answer in time */
    String send(String command) {
        fence.check();
        try {
            return exchange(command);
        } catch (IOException e) {
            throw ProviderException.retryable("haproxy " + role + " socket " + socket + ": '" + command
                    + "' failed: " + e.getMessage(), e);
        }
    }

    private String exchange(String command) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
             Selector selector = Selector.open()) {
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.shutdownOutput();
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(16384);
            long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new IOException("no complete answer within " + ANSWER_TIMEOUT.toSeconds() + "s");
                }
                selector.select(left);
                selector.selectedKeys().clear();
                int read = channel.read(buffer);
                if (read < 0) {
                    return answer.toString(StandardCharsets.UTF_8);
                }
                answer.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
        }
    }
}
