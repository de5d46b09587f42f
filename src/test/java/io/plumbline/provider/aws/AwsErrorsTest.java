package io.plumbline.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.provider.ProviderException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsErrorsTest {
    @Test
    void missingCredentialsSayWhereCredentialsCanComeFrom() {
        ProviderException e = AwsErrors.translate("observing staging", SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain(...)"));

        assertThat(e).hasMessage("aws: observing staging: no AWS credentials found: set AWS_ACCESS_KEY_ID and "
                + "AWS_SECRET_ACCESS_KEY, a profile (AWS_PROFILE), or run with an instance or container role");
        assertThat(e.retryable()).isTrue();
    }
}
