package io.plumbline.secrets;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Where the service finds what opens secrets; the service's configuration, never an environment file's.
 *
 * @param ageKeyFile  a file of age identities ({@code AGE-SECRET-KEY-1…} lines, as {@code age-keygen} writes them)
 * @param ageKeyEnv   the name of an environment variable holding such identities
 * @param awsEndpoint one endpoint for KMS, Secrets Manager and SSM (moto); empty for AWS itself
 * @param credentials the AWS credentials that read the secrets and decrypt SOPS data keys with KMS
 */
public record SecretSettings(Optional<Path> ageKeyFile, Optional<String> ageKeyEnv, Optional<URI> awsEndpoint,
                             AwsCredentialsProvider credentials) {
    /** No age identity; AWS through the default credential chain. */
    public static SecretSettings of(Optional<Path> ageKeyFile, Optional<String> ageKeyEnv,
                                    Optional<URI> awsEndpoint) {
        return new SecretSettings(ageKeyFile, ageKeyEnv, awsEndpoint, DefaultCredentialsProvider.builder().build());
    }
}
