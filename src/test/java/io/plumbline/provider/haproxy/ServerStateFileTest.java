package io.plumbline.provider.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the saved server state keeps across a reload, and what it must let the new configuration decide. */
class ServerStateFileTest {
    private static final String STATE = """
            1
            # be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight
            3 app 1 moved 127.0.0.1 2 1 1
            3 app 2 kept 127.0.0.1 2 0 5
            """;

    @Test
    void aServerWhoseAddressChangesIsLeftOutAndTheFileIsMarked() {
        String before = "backend app\n    server moved localhost:8001 check\n    server kept 10.0.0.1:80 check\n";
        String after = "backend app\n    server moved localhost:8002 check\n    server kept 10.0.0.1:80 check\n";

        assertThat(ServerStateFile.content(STATE, before, after)).isEqualTo("""
                1
                # managed by plumbline
                # be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight
                3 app 2 kept 127.0.0.1 2 0 5
                """);
    }
}
