package io.plumbline.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.provider.ProviderException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

class AwsErrorsTest {
    @Test
    void missingCredentialsSayWhereCredentialsCanComeFrom() {
        ProviderException e = AwsErrors.translate("observing staging", SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain(...)"));

        assertThat(e).hasMessage("aws: observing staging: no AWS credentials found: set AWS_ACCESS_KEY_ID and "
                + "AWS_SECRET_ACCESS_KEY, a profile (AWS_PROFILE), or run with an instance or container role");
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void anInstanceProfileIamHasNotYetMadeVisibleIsRetriedOtherRefusalsAreNot() {
        assertThat(AwsErrors.retryable(refusal("InvalidParameterValue", "Value (K8sMaster) for parameter "
                + "iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name"))).isTrue();
        assertThat(AwsErrors.retryable(refusal("InvalidParameterValue", "Value (t9.huge) for parameter "
                + "instanceType is invalid."))).isFalse();
        assertThat(AwsErrors.retryable(refusal("InvalidAMIID.NotFound", "The image id '[ami-1]' does not exist")))
                .isFalse();
    }

    private static Ec2Exception refusal(String code, String message) {
        return (Ec2Exception) Ec2Exception.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }
}
