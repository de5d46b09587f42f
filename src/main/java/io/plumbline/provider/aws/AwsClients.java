package io.plumbline.provider.aws;

import io.plumbline.provider.OnFirstUse;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
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
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The SDK clients of one environment (one region, one identity), sharing one HTTP client. Each client, and the
 * assumed role's credentials, is built on its first use: an environment that declares only ECR repositories never
 * pays for the EC2, EKS or ELB clients (their classes, their interceptor chains, their metadata).
 */
public final class AwsClients implements AutoCloseable {
    private static final CutAnswers CUT_ANSWERS = new CutAnswers();
    private final AwsConnection connection;
    private final SdkHttpClient http;
    private final CallCounter counter;
    private final Throttles throttles;
    private final Region region;
    private final OnFirstUse<StsClient> sts;
    private final OnFirstUse<AwsCredentialsProvider> credentials;
    private final OnFirstUse<Ec2Client> ec2;
    private final OnFirstUse<EcrClient> ecr;
    private final OnFirstUse<EksClient> eks;
    private final OnFirstUse<AutoScalingClient> autoScaling;
    private final OnFirstUse<ElasticLoadBalancingV2Client> elb;
    private final OnFirstUse<AcmClient> acm;
    private final OnFirstUse<Route53Client> route53;
    private final OnFirstUse<ResourceGroupsTaggingApiClient> tagging;
    private final OnFirstUse<IamClient> iam;
    private final OnFirstUse<CloudWatchClient> cloudWatch;
    private final SharedReads.Scope reads;
    private final SharedReads.Scope iamReads;

    AwsClients(AwsConnection connection, SdkHttpClient http, CallCounter counter, Throttles throttles,
               SharedReads shared, String region, String role, String environment) {
        this.connection = connection;
        this.http = http;
        this.counter = counter;
        this.throttles = throttles;
        this.region = Region.of(region);
        this.reads = shared.scope(region, role);
        this.iamReads = shared.scope(Region.AWS_GLOBAL.id(), role);
        // STS only assumes the role: its calls change nothing that is listed.
        this.sts = new OnFirstUse<>(() -> build(StsClient.builder(), connection.credentials(), this.region,
                SharedReads.OFF.scope(region, null)));
        this.credentials = new OnFirstUse<>(() -> role == null ? connection.credentials() : assume(role, environment));
        this.ec2 = client(Ec2Client::builder);
        this.ecr = client(EcrClient::builder);
        this.eks = client(EksClient::builder);
        this.autoScaling = client(AutoScalingClient::builder);
        this.elb = client(ElasticLoadBalancingV2Client::builder);
        this.acm = client(AcmClient::builder);
        this.route53 = client(Route53Client::builder);
        this.tagging = client(ResourceGroupsTaggingApiClient::builder);
        this.cloudWatch = client(CloudWatchClient::builder);
        // IAM is global: its one endpoint is reached through the global region, whatever the environment's.
        this.iam = new OnFirstUse<>(() -> build(IamClient.builder(), credentials.get(), Region.AWS_GLOBAL, iamReads));
    }

    private AwsCredentialsProvider assume(String role, String environment) {
        return StsAssumeRoleCredentialsProvider.builder().stsClient(sts.get())
                .refreshRequest(r -> r.roleArn(role).roleSessionName("plumbline-" + environment)).build();
    }

    private <C extends SdkClient, B extends AwsClientBuilder<B, C>> OnFirstUse<C> client(Supplier<B> builder) {
        return new OnFirstUse<>(() -> build(builder.get(), credentials.get(), region, reads));
    }

    /**
     * A client of region {@code in}, whose calls during an apply are fenced ({@link FencedCalls}: a refused call is
     * neither sent nor counted), whose calls are counted and whose writes make {@code shared} forget. Retries use
     * the SDK's adaptive mode: beside the backoff of the standard mode, a throttled client slows its own sending
     * rate (a token bucket) for every later call, so the reconciles of many environments sharing one account's
     * request rate back off together instead of each spending its attempts on more throttles.
     */
    private <C extends SdkClient, B extends AwsClientBuilder<B, C>> C build(B builder, AwsCredentialsProvider creds,
                                                                            Region in, SharedReads.Scope shared) {
        connection.endpointOverride().ifPresent(builder::endpointOverride);
        builder.region(in).credentialsProvider(creds)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(connection.apiCallTimeout())
                        .apiCallAttemptTimeout(connection.attemptTimeout())
                        .retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                                .maxAttempts(connection.maxAttempts()).build())
                        .addMetricPublisher(throttles)
                        .addExecutionInterceptor(FencedCalls.INSTANCE).addExecutionInterceptor(CUT_ANSWERS)
                        .addExecutionInterceptor(counter).addExecutionInterceptor(shared).build());
        if (builder instanceof SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http);
        }
        return builder.build();
    }

    public StsClient sts() {
        return sts.get();
    }

    public Ec2Client ec2() {
        return ec2.get();
    }

    public EcrClient ecr() {
        return ecr.get();
    }

    public EksClient eks() {
        return eks.get();
    }

    public AutoScalingClient autoScaling() {
        return autoScaling.get();
    }

    public ElasticLoadBalancingV2Client elb() {
        return elb.get();
    }

    public AcmClient acm() {
        return acm.get();
    }

    public Route53Client route53() {
        return route53.get();
    }

    public ResourceGroupsTaggingApiClient tagging() {
        return tagging.get();
    }

    public IamClient iam() {
        return iam.get();
    }

    public CloudWatchClient cloudWatch() {
        return cloudWatch.get();
    }

    /** The account-wide reads shared with the other environments of this region and identity. */
    public SharedReads.Scope reads() {
        return reads;
    }

    /** The same for IAM, which is global: shared by every region of this identity. */
    public SharedReads.Scope iamReads() {
        return iamReads;
    }

    public AwsConnection connection() {
        return connection;
    }

    /** The service names of the clients built so far ({@code ec2}, {@code sts}...): none until a call needs one. */
    List<String> built() {
        return clients().stream().flatMap(c -> c.ifMade().stream()).map(SdkClient::serviceName).toList();
    }

    private List<OnFirstUse<? extends SdkClient>> clients() {
        return List.of(sts, ec2, ecr, eks, autoScaling, elb, acm, route53, tagging, iam, cloudWatch);
    }

    /** Closes what was built: the assumed role's credentials (never the connection's own), then the clients. */
    @Override
    public void close() {
        credentials.ifMade().filter(c -> c != connection.credentials() && c instanceof AutoCloseable)
                .ifPresent(c -> closeQuietly((AutoCloseable) c));
        clients().forEach(c -> c.ifMade().ifPresent(AwsClients::closeQuietly));
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing is best effort: the clients hold no state that must be flushed
        }
    }
}
