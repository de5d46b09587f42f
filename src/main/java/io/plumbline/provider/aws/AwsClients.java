package io.plumbline.provider.aws;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/** The SDK clients of one environment (one region, one identity), sharing one HTTP client. */
public final class AwsClients implements AutoCloseable {
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final AwsConnection connection;
    private final SdkHttpClient http;
    private final CallCounter counter;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final StsClient sts;
    private final Ec2Client ec2;
    private final EcrClient ecr;
    private final EksClient eks;
    private final AutoScalingClient autoScaling;
    private final ElasticLoadBalancingV2Client elb;
    private final AcmClient acm;
    private final Route53Client route53;
    private final ResourceGroupsTaggingApiClient tagging;
    private final CloudWatchClient cloudWatch;

    AwsClients(AwsConnection connection, SdkHttpClient http, CallCounter counter, String region, String role,
               String environment) {
        this.connection = connection;
        this.http = http;
        this.counter = counter;
        this.region = Region.of(region);
        this.sts = build(StsClient.builder(), connection.credentials());
        this.credentials = role == null ? connection.credentials() : assume(role, environment);
        this.ec2 = build(Ec2Client.builder(), credentials);
        this.ecr = build(EcrClient.builder(), credentials);
        this.eks = build(EksClient.builder(), credentials);
        this.autoScaling = build(AutoScalingClient.builder(), credentials);
        this.elb = build(ElasticLoadBalancingV2Client.builder(), credentials);
        this.acm = build(AcmClient.builder(), credentials);
        this.route53 = build(Route53Client.builder(), credentials);
        this.tagging = build(ResourceGroupsTaggingApiClient.builder(), credentials);
        this.cloudWatch = build(CloudWatchClient.builder(), credentials);
    }

    private AwsCredentialsProvider assume(String role, String environment) {
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(r -> r.roleArn(role).roleSessionName("plumbline-" + environment)).build();
        closeables.add(provider);
        return provider;
    }

    private <C extends AutoCloseable, B extends AwsClientBuilder<B, C>> C build(B builder,
                                                                               AwsCredentialsProvider creds) {
        connection.endpointOverride().ifPresent(builder::endpointOverride);
        builder.region(region).credentialsProvider(creds)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(connection.apiCallTimeout())
                        .apiCallAttemptTimeout(connection.attemptTimeout())
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(connection.maxAttempts()).build())
                        .addExecutionInterceptor(counter).build());
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http);
        }
        C client = builder.build();
        closeables.add(client);
        return client;
    }

    public StsClient sts() {
        return sts;
    }

    public Ec2Client ec2() {
        return ec2;
    }

    public EcrClient ecr() {
        return ecr;
    }

    public EksClient eks() {
        return eks;
    }

    public AutoScalingClient autoScaling() {
        return autoScaling;
    }

    public ElasticLoadBalancingV2Client elb() {
        return elb;
    }

    public AcmClient acm() {
        return acm;
    }

    public Route53Client route53() {
        return route53;
    }

    public ResourceGroupsTaggingApiClient tagging() {
        return tagging;
    }

    public CloudWatchClient cloudWatch() {
        return cloudWatch;
    }

    public AwsConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                // closing is best effort: the clients hold no state that must be flushed
            }
        }
    }
}
