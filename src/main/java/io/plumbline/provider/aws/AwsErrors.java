package io.plumbline.provider.aws;

import io.plumbline.provider.ProviderException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK errors into {@link ProviderException}s that say what failed and whether retrying can help. */
public final class AwsErrors {
    private AwsErrors() {
    }

    public static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw translate(what, e);
        }
    }

    public static ProviderException translate(String what, SdkException e) {
        return new ProviderException("aws: " + what + ": " + describe(e), retryable(e), e);
    }

    /** A short, secret-free description: the service's error code and message, or the client-side cause. */
    public static String describe(Throwable t) {
        if (t instanceof AwsServiceException s && s.awsErrorDetails() != null) {
            return s.awsErrorDetails().errorCode() + " (HTTP " + s.statusCode() + "): "
                    + s.awsErrorDetails().errorMessage();
        }
        if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException) {
            return "timed out: " + t.getMessage();
        }
        if (t.getMessage() != null && t.getMessage().startsWith("Unable to load credentials")) {
            // The SDK lists every provider it tried; what a person needs is where credentials can come from.
            return "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile "
                    + "(AWS_PROFILE), or run with an instance or container role";
        }
        return t.getMessage();
    }

    /**
     * Lets a fault of ours through: anything but AWS's answer or a refusal of Plumbline's own (a NullPointerException
     * in a kind) is not this object's failure. It goes up to the reconcile, which logs it with its stack, counts it
     * as unexpected and retries with the capped backoff.
     */
    public static void rethrowUnexpected(RuntimeException e) {
        if (!(e instanceof SdkException) && !(e instanceof ProviderException)) {
            throw e;
        }
    }

    static boolean retryable(SdkException e) {
        if (e instanceof AwsServiceException s) {
            return s.isThrottlingException() || s.statusCode() >= 500 || notYetVisible(s);
        }
        return e instanceof SdkClientException;
    }

    /**
     * IAM is eventually consistent: for some seconds after Plumbline creates an instance profile, EC2 refuses to
     * launch with it ("Invalid IAM Instance Profile name"). That refusal is not about the commit, so the apply is
     * retried with backoff instead of waiting for a new commit.
     */
    private static boolean notYetVisible(AwsServiceException s) {
        return s.awsErrorDetails() != null && "InvalidParameterValue".equals(s.awsErrorDetails().errorCode())
                && String.valueOf(s.awsErrorDetails().errorMessage()).toLowerCase(java.util.Locale.ROOT)
                .contains("iam instance profile");
    }
}
