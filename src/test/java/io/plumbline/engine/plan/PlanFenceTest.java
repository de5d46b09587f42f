package io.plumbline.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Revision;
import io.plumbline.model.spec.Environment;
import io.plumbline.model.spec.EnvironmentSpec;
import io.plumbline.model.spec.Metadata;
import io.plumbline.model.spec.Sync;
import io.plumbline.model.spec.aws.AwsSpec;
import io.plumbline.model.spec.haproxy.Frontend;
import io.plumbline.model.spec.haproxy.HaproxySpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanFenceTest {
    private static AwsSpec aws(String region, String role) {
        return new AwsSpec(region, "123456789012", role, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    private static HaproxySpec haproxy(String config, List<String> hosts, String frontendBind) {
        return new HaproxySpec(config, "/run/haproxy/master.sock", "/run/haproxy/admin.sock",
                "/var/lib/haproxy/server-state", null, null, List.of(new Frontend(
                        "web", frontendBind, "app", List.of())), List.of(), null, hosts);
    }

    private static LoadedEnvironment env(AwsSpec aws, HaproxySpec haproxy) {
        return new LoadedEnvironment("environments/production.yaml", new Environment("plumbline/v1", "Environment",
                new Metadata("production", null), new EnvironmentSpec(Sync.DEFAULT, aws, null, haproxy)), List.of(),
                new Revision("c1", "refs/pull/7/head", "a proposal"));
    }

    private final LoadedEnvironment branch = env(aws("us-west-2", null),
            haproxy("/etc/haproxy/haproxy.cfg", List.of(), "*:80"));

    @Test
    void aProposalThatKeepsEveryIdentityValueIsPlannedWhateverElseItChanges() {
        LoadedEnvironment proposed = env(aws("us-west-2", null), haproxy("/etc/haproxy/haproxy.cfg", List.of(), "*:81"));
        assertThat(PlanFence.crossed(proposed, Optional.of(branch))).isEmpty();
    }

    @Test
    void eachIdentityValueItChangesIsNamedByItsPathInTheFile() {
        LoadedEnvironment proposed = env(aws("eu-west-1", "arn:aws:iam::123456789012:role/other"),
                haproxy("/etc/haproxy/haproxy.cfg", List.of("proxy-1"), "*:80"));
        assertThat(PlanFence.crossed(proposed, Optional.of(branch)))
                .containsExactly("aws.region", "aws.assumeRole", "haproxy.hosts");
    }

    @Test
    void aSectionTakenAwayChangesEachOfItsValuesAndANewEnvironmentIsNeverPlanned() {
        LoadedEnvironment proposed = env(null, haproxy("/tmp/haproxy.cfg", List.of(), "*:80"));
        assertThat(PlanFence.crossed(proposed, Optional.of(branch)))
                .containsExactly("aws.region", "aws.accountId", "haproxy.config");
        assertThat(PlanFence.crossed(branch, Optional.empty())).containsExactly("a new environment");
    }
}
