package io.plumbline.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** An environment's SDK clients are built one by one, each on its first use, once. Building one calls nothing. */
class AwsClientsTest {
    // Nothing listens there: building a client must not need it.
    private static final AwsConnection CLOSED = new AwsConnection(Optional.of(URI.create("http://127.0.0.1:9")),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret")), Duration.ofSeconds(2),
            Duration.ofSeconds(1), 1, Duration.ofSeconds(1));

    private static AwsClients clients(String role) {
        return new AwsClients(CLOSED, UrlConnectionHttpClient.create(), new CallCounter(), new Throttles(s -> { }), SharedReads.OFF, "us-west-2",
                role, "production");
    }

    @Test
    void retriesUseTheAdaptiveModeThatSlowsEveryCallOfAThrottledClient() {
        try (AwsClients clients = clients(null)) {
            assertThat(clients.ec2().serviceClientConfiguration().overrideConfiguration().retryStrategy())
                    .get().isInstanceOf(software.amazon.awssdk.retries.AdaptiveRetryStrategy.class)
                    .satisfies(s -> assertThat(s.maxAttempts()).isEqualTo(CLOSED.maxAttempts()));
        }
    }

    @Test
    void noClientIsBuiltBeforeItIsUsed() {
        try (AwsClients clients = clients(null)) {
            assertThat(clients.built()).isEmpty();
            clients.ecr();
            assertThat(clients.built()).containsExactly("ecr");
            clients.route53();
            clients.ecr();
            assertThat(clients.built()).containsExactlyInAnyOrder("ecr", "route53");
        }
    }

    @Test
    void anAssumedRoleBuildsTheStsClientWithTheFirstClientThatNeedsIt() {
        try (AwsClients clients = clients("arn:aws:iam::033870383707:role/plumbline")) {
            assertThat(clients.built()).isEmpty();
            clients.elb();
            assertThat(clients.built()).containsExactlyInAnyOrder("sts", "elasticloadbalancing");
        }
    }

    @Test
    void threadsAskingAtOnceShareOneClient() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (AwsClients clients = clients(null)) {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Ec2Client> ask = () -> {
                start.await();
                return clients.ec2();
            };
            List<Future<Ec2Client>> asked = IntStream.range(0, 8).mapToObj(i -> pool.submit(ask)).toList();
            start.countDown();
            Ec2Client first = asked.get(0).get();
            for (Future<Ec2Client> f : asked) {
                assertThat(f.get()).isSameAs(first);
            }
            assertThat(clients.built()).containsExactly("ec2");
        } finally {
            pool.shutdownNow();
        }
    }
}
