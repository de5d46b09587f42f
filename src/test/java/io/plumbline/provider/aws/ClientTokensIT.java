package io.plumbline.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Revision;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The creates AWS would repeat (or refuse by name) carry an idempotency token, read at moto's recorder: derived from the environment,
 * the object and the commit, so the same apply sent again (by the SDK's retry or by a restarted service) asks with
 * the same tokens, and the same objects declared by another commit ask with new ones.
 */
class ClientTokensIT {
    private static final Pattern TOKEN = Pattern.compile("(?:^|&)ClientToken=([^&]*)");
    @RegisterExtension
    static final MotoServer MOTO = MotoServer.withBionicImage(HopperEnvironment.ACCOUNT);

    @Test
    void instancesNatGatewaysAndLaunchTemplatesAreCreatedWithTokensOfTheEnvironmentTheObjectAndTheCommit() {
        LoadedEnvironment hopper = HopperEnvironment.load("hopper");
        List<String> first = tokensOfAnApply(hopper);
        assertThat(first).hasSize(4).doesNotHaveDuplicates().allMatch(t -> t.matches("[0-9a-f]{32}"));

        assertThat(tokensOfAnApply(hopper)).as("the same commit applied again").isEqualTo(first);
        LoadedEnvironment later = new LoadedEnvironment(hopper.file(), hopper.environment(), hopper.manifests(),
                new Revision("fedcba9876543210", "main", "hopper again"), hopper.files());
        assertThat(tokensOfAnApply(later)).as("another commit").hasSize(4).doesNotContainAnyElementsOf(first);
    }

    /**
     * The tokens of RunInstances, CreateNatGateway and CreateLaunchTemplate, in the order sent, in one apply to an
     * empty account.
     */
    private static List<String> tokensOfAnApply(LoadedEnvironment env) {
        MOTO.reset();
        MOTO.startRecording();
        MOTO.resetRecording();
        try (AwsProvider provider = new AwsProvider(MOTO.connection(), Duration.ZERO)) {
            NetworkIT.applyClean(provider, env);
        }
        return MotoWrites.bodies(MOTO.recording()).stream()
                .filter(b -> b.contains("Action=RunInstances") || b.contains("Action=CreateNatGateway")
                        || b.contains("Action=CreateLaunchTemplate&"))
                .map(b -> TOKEN.matcher(b).results().map(m -> m.group(1)).findFirst().orElse("(none)")).toList();
    }
}
