package io.plumbline.provider.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * How Plumbline reaches AWS; comes from the service's configuration, never from an environment file.
 *
 * @param endpointOverride one endpoint for every service (moto, LocalStack); empty in production
 * @param credentials      the base credentials; an environment's {@code assumeRole} is assumed with them
 * @param apiCallTimeout   the whole budget of one call, retries included
 * @param attemptTimeout   the budget of one attempt
 * @param maxAttempts      attempts per call; throttling, 5xx and I/O errors are retried with jittered backoff
 * @param pollInterval     how often a wait (certificate issued, nodegroup updated) asks again
 */
public record AwsConnection(Optional<URI> endpointOverride, AwsCredentialsProvider credentials,
                            Duration apiCallTimeout, Duration attemptTimeout, int maxAttempts,
                            Duration pollInterval) {
    public AwsConnection {
        Objects.requireNonNull(endpointOverride, "endpointOverride");
        Objects.requireNonNull(credentials, "credentials");
        if (attemptTimeout.compareTo(apiCallTimeout) > 0) {
            throw new IllegalArgumentException("attemptTimeout " + attemptTimeout
                    + " is longer than apiCallTimeout " + apiCallTimeout);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** The default credential chain, the real endpoints, and timeouts that never let a call hang. */
    public static AwsConnection production() {
        return new AwsConnection(Optional.empty(), DefaultCredentialsProvider.builder().build(),
                Duration.ofSeconds(60), Duration.ofSeconds(15), 5, Duration.ofSeconds(10));
    }
}
