package io.plumbline.provider.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Parsing answers captured from HAProxy 2.6. */
class RuntimeAnswersTest {

    @Test
    void serverStatesReadFromAdminBits() throws IOException {
        assertThat(LiveServer.parse(fixture("show-servers-state.txt")))
                .extracting(LiveServer::name, LiveServer::state, LiveServer::weight, LiveServer::address,
                        LiveServer::up)
                .containsExactly(
                        tuple("s1", "drain", 7, "127.0.0.1:18081", false),
                        // configured disabled, then set ready: the config bit alone is not maintenance
                        tuple("s2", "ready", 1, "localhost:18082", true),
                        tuple("s3", "maint", 1, "10.0.0.3:80", true));
    }

    @Test
    void procStatusCountsFailedReloadsAndCurrentWorkersOnly() throws IOException {
        ProcStatus status = ProcStatus.parse(fixture("show-proc-after-failed-reload.txt"));

        assertThat(status.reloads()).isEqualTo(2);
        assertThat(status.failed()).isEqualTo(1);
        assertThat(status.workers()).containsExactly(new ProcStatus.Worker(19115, 1));
        assertThat(status.newestWorker()).isNull();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = RuntimeAnswersTest.class.getResourceAsStream("/haproxy/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
