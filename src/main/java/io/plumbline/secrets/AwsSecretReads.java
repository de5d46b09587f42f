package io.plumbline.secrets;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * The three AWS reads secrets take, one client of each per region, made on first use: Secrets Manager's
 * {@code GetSecretValue}, SSM's {@code GetParameter} with decryption, KMS's {@code Decrypt} (of a SOPS data key).
 * Nothing else is ever called, which is what {@code deploy/iam-policy.json} grants. Every call is counted by
 * operation: the tests prove with it that a pull request's plan makes none.
 */
final class AwsSecretReads implements AutoCloseable {
    private final SecretSettings settings;
    private final SdkHttpClient http = UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(15)).build();
    private final Map<String, SecretsManagerClient> secretsManager = new ConcurrentHashMap<>();
    private final Map<String, SsmClient> ssm = new ConcurrentHashMap<>();
    private final Map<String, KmsClient> kms = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

    AwsSecretReads(SecretSettings settings) {
        this.settings = settings;
    }

    GetSecretValueResponse secret(String region, String name) {
        return secretsManager.computeIfAbsent(region, r -> build(SecretsManagerClient.builder(), r))
                .getSecretValue(b -> b.secretId(name));
    }

    Parameter parameter(String region, String name) {
        return ssm.computeIfAbsent(region, r -> build(SsmClient.builder(), r))
                .getParameter(b -> b.name(name).withDecryption(true)).parameter();
    }

    byte[] decrypt(String region, String keyArn, byte[] ciphertext, Map<String, String> context) {
        return kms.computeIfAbsent(region, r -> build(KmsClient.builder(), r))
                .decrypt(b -> b.keyId(keyArn).ciphertextBlob(SdkBytes.fromByteArray(ciphertext))
                        .encryptionContext(context.isEmpty() ? null : context))
                .plaintext().asByteArray();
    }

    /** Calls made so far, by {@code Service.Operation}. */
    Map<String, Long> calls() {
        Map<String, Long> out = new java.util.TreeMap<>();
        calls.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    private <C extends SdkClient, B extends AwsClientBuilder<B, C>> C build(B builder, String region) {
        settings.awsEndpoint().ifPresent(builder::endpointOverride);
        builder.region(Region.of(region)).credentialsProvider(settings.credentials())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofSeconds(30)).apiCallAttemptTimeout(Duration.ofSeconds(10))
                        .addExecutionInterceptor(new Counting()).build());
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http);
        }
        return builder.build();
    }

    @Override
    public void close() {
        secretsManager.values().forEach(SdkClient::close);
        ssm.values().forEach(SdkClient::close);
        kms.values().forEach(SdkClient::close);
        http.close();
    }

    private final class Counting implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            String name = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                    + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            calls.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
        }
    }
}
