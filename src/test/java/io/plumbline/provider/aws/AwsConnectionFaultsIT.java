package io.plumbline.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Action;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.provider.ProviderException;
import io.plumbline.testing.Toxiproxy;
import io.plumbline.testing.Toxiproxy.Toxic;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The whole hopper environment, applied once, then reconciled again through Toxiproxy with one fault on every
 * connection to moto: slow answers, thin bandwidth, answers cut into slices, connections reset, answers that never
 * come, answers cut halfway. Everything exists, so a correct reconcile writes nothing; a failed or cut read taken for
 * "absent" or "empty" would create a second copy (or delete what looked undeclared). Counted at moto's recorder:
 * what reached the peer, not what the client believes it sent. A reconcile that cannot read fails, naming the read.
 */
class AwsConnectionFaultsIT {
    @RegisterExtension
    static final MotoServer MOTO = MotoServer.withBionicImage(HopperEnvironment.ACCOUNT);
    private static final LoadedEnvironment HOPPER = HopperEnvironment.load("hopper");
    private Toxiproxy.Proxy proxy;

    @BeforeAll
    static void applyHopper() {
        MOTO.reset();
        try (AwsProvider provider = new AwsProvider(MOTO.connection(), Duration.ZERO)) {
            NetworkIT.applyClean(provider, HOPPER);
            assertThat(Reconciles.plan(provider, HOPPER).hasWrites()).isFalse();
        }
        MOTO.startRecording();
    }

    @AfterEach
    void removeProxy() {
        if (proxy != null) {
            proxy.delete();
        }
    }

    static Stream<Toxic> faults() {
        return Stream.of(Toxic.latency(30, 10), Toxic.bandwidth(32), Toxic.slicer(200, 500), Toxic.resetPeer(0),
                Toxic.resetPeer(5), Toxic.timeout(0), Toxic.timeout(200), Toxic.limitData(100),
                Toxic.limitData(3000), Toxic.limitData(40_000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aFaultyConnectionNeverMakesAReconcileCreateOrDelete(Toxic fault) {
        URI endpoint = MOTO.endpoint();
        proxy = Toxiproxy.shared().proxy("moto", endpoint.getHost(), endpoint.getPort()).add(fault);
        MOTO.resetRecording();
        try (AwsProvider provider = new AwsProvider(throughProxy(proxy.uri("http")), Duration.ZERO)) {
            List<ObjectResult> results = Reconciles.apply(provider, HOPPER);
            // It could read everything despite the fault: then it found everything there.
            assertThat(results).as("a reconcile that read through " + fault)
                    .allSatisfy(r -> assertThat(r.action()).as(r.key().toString()).isEqualTo(Action.NOOP));
        } catch (ProviderException e) {
            // It could not read: it says which read failed and that another try may pass.
            assertThat(e.getMessage()).startsWith("aws: ");
            assertThat(e.retryable()).as(e.getMessage()).isTrue();
        }
        assertThat(MotoWrites.in(MOTO.recording())).as("writes that reached moto through " + fault).isEmpty();
    }

    /** Short budgets, so that a silent peer ends the reconcile within seconds. */
    private static AwsConnection throughProxy(URI endpoint) {
        return new AwsConnection(Optional.of(endpoint),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")),
                Duration.ofSeconds(20), Duration.ofSeconds(2), 3, Duration.ofMillis(100));
    }
}
