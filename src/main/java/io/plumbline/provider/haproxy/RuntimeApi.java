package io.plumbline.provider.haproxy;

import io.plumbline.provider.Fence;
import io.plumbline.provider.ProviderException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The runtime API ({@code stats socket ... level admin}) of the current worker. */
final class RuntimeApi {
    private static final Pattern PID = Pattern.compile("(?m)^Pid:\\s*(\\d+)");
    private final UnixSocketClient client;

    RuntimeApi(Path socket) {
        this(socket, Fence.NONE);
    }

    RuntimeApi(Path socket, Fence fence) {
        this.client = new UnixSocketClient(socket, "runtime", fence);
    }

    /** The raw {@code show servers state} text; it is also the server-state file's format. */
    String serversStateText() {
        if (!client.exists()) {
            throw ProviderException.retryable("no haproxy runtime socket at " + client.socket()
                    + ": the running configuration must declare 'stats socket " + client.socket() + " level admin'",
                    null);
        }
        return client.send("show servers state");
    }

    List<LiveServer> servers() {
        return LiveServer.parse(serversStateText());
    }

    /** The pid of the worker answering on the socket. */
    long pid() {
        Matcher m = PID.matcher(client.send("show info"));
        if (!m.find()) {
            throw ProviderException.retryable("haproxy runtime socket " + client.socket() + ": no Pid in 'show info'",
                    null);
        }
        return Long.parseLong(m.group(1));
    }

    /** Current sessions on one server, from the {@code scur} column of {@code show stat}. */
    int sessions(String backend, String server) {
        String[] lines = client.send("show stat").split("\n");
        List<String> columns = List.of(lines[0].replaceFirst("^# ", "").split(","));
        int scur = columns.indexOf("scur");
        for (String line : lines) {
            String[] values = line.split(",", -1);
            if (values.length > scur && values[0].equals(backend) && values[1].equals(server)) {
                return Integer.parseInt(values[scur]);
            }
        }
        throw ProviderException.retryable("haproxy has no server " + backend + "/" + server, null);
    }

    /**
     * Runs a {@code set server} command.
     *
     * @param success text a successful answer contains; an empty answer is always success
     * @return null on success, otherwise HAProxy's answer
     */
    String set(String command, String success) {
        String answer = client.send(command).strip();
        return answer.isEmpty() || (success != null && answer.contains(success)) ? null : answer;
    }
}
