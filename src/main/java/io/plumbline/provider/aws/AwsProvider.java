package io.plumbline.provider.aws;

import io.plumbline.diff.Planner;
import io.plumbline.diff.TreeDiff;
import io.plumbline.diff.Vocabulary;
import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.Health;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Resource;
import io.plumbline.provider.Fence;
import io.plumbline.provider.Provider;
import io.plumbline.provider.aws.ec2.InstanceChanges;
import io.plumbline.provider.aws.ecr.ImagePreflight;
import io.plumbline.render.aws.AwsKinds;
import io.plumbline.render.aws.AwsRender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The AWS provider: VPCs with their subnets, gateways and route tables, security groups and their rules, IAM roles,
 * policies and instance profiles, cluster tags, ECR, EKS nodegroups, Auto Scaling, ACM, ELBv2 listeners and Route53
 * records. Build it with {@code new AwsProvider(AwsConnection.production())}; close it on shutdown.
 */
public final class AwsProvider implements Provider, AutoCloseable {
    private final AwsConnection connection;
    private final CallCounter counter = new CallCounter();
    private final Throttles throttles;
    private final SdkHttpClient http;
    private final Map<String, AwsClients> clients = new ConcurrentHashMap<>();
    /**
     * Security-group rules are rules; a listener's {@code certificate} names the certificate it serves; {@code min},
     * {@code max} and {@code desired} of a group, a nodegroup or a scheduled action are capacities.
     */
    static final Vocabulary WORDS = new Vocabulary(key -> key.kind().equals(AwsKinds.SECURITY_GROUP_RULE),
            "certificate"::equals, Set.of("min", "max", "desired"));
    private final AwsKindRegistry kinds = AwsKindRegistry.standard();
    private final SharedReads shared;

    /** A provider whose environments share account-wide reads for {@link SharedReads#WINDOW}. */
    public AwsProvider(AwsConnection connection) {
        this(connection, SharedReads.WINDOW);
    }

    /** A provider that shares account-wide reads for {@code sharedReads} ({@link Duration#ZERO}: not at all). */
    public AwsProvider(AwsConnection connection, Duration sharedReads) {
        this(connection, sharedReads, service -> { });
    }

    /**
     * As {@link #AwsProvider(AwsConnection, Duration)}; {@code throttled} is told the service id ({@code EC2},
     * {@code ACM}) of every attempt AWS throttled.
     */
    public AwsProvider(AwsConnection connection, Duration sharedReads, java.util.function.Consumer<String> throttled) {
        this.connection = connection;
        this.throttles = new Throttles(throttled);
        this.shared = sharedReads.isZero() ? SharedReads.OFF : new SharedReads(sharedReads);
        this.http = UrlConnectionHttpClient.builder().connectionTimeout(connection.attemptTimeout())
                .socketTimeout(connection.attemptTimeout()).build();
    }

    @Override
    public String name() {
        return AwsKinds.PROVIDER;
    }

    /** The attempts AWS throttled so far, by service id. */
    public Throttles throttles() {
        return throttles;
    }

    /** Every SDK call this provider made, for tests and benchmarks. */
    public CallCounter calls() {
        return counter;
    }

    @Override
    public boolean appliesTo(LoadedEnvironment env) {
        return AwsKinds.declaredIn(env);
    }

    @Override
    public List<Resource> render(LoadedEnvironment env) {
        return appliesTo(env) ? AwsRender.render(env.file(), env.environment().spec().aws(), env.files()) : List.of();
    }

    @Override
    public List<Resource> observe(LoadedEnvironment env, List<Resource> desired) {
        if (!appliesTo(env)) {
            return List.of();
        }
        AwsContext ctx = context(env);
        List<Resource> actual = new ArrayList<>();
        try {
            for (AwsKind kind : kinds.inOrder()) {
                actual.addAll(kind.observe(ctx, desired.stream().filter(r -> r.key().kind().equals(kind.kind()))
                        .toList()));
            }
        } catch (SdkException e) {
            throw AwsErrors.translate("observing " + env.name(), e);
        }
        return actual;
    }

    @Override
    public ChangeSet diff(LoadedEnvironment env, List<Resource> desired, List<Resource> actual) {
        List<Resource> settled = AutoscalerOwned.settle(desired, actual);
        boolean prune = env.environment().spec().sync().pruneEnabled();
        ChangeSet plan = Planner.comparing((d, a) -> TreeDiff.diff(d.body(), a.body(),
                kinds.documents(d.key().kind()))).plan(settled, actual, prune);
        Ownership ownership = new Ownership(env.environment().spec().aws(), env.name(), prune);
        return new ChangeSet(plan.changes().stream().map(ownership::judge)
                .map(c -> InstanceChanges.judge(env.environment().spec().aws(), c)).map(this::traits)
                .map(WORDS::describe).toList());
    }

    /** What the kind says of the change: a refused replacement, an object that costs money while idle. */
    private Change traits(Change c) {
        AwsKind kind = kinds.of(c.key().kind());
        Change judged = Replacements.judge(kind, c);
        return kind.costsWhileIdle() ? judged.withIdleCost() : judged;
    }

    /**
     * Every SDK call of the apply is fenced ({@link FencedCalls}): none is sent once the environment is no longer this
     * process's. The fence is checked again after each kind, so a refused call that a kind recorded as its object's
     * failure still ends the apply as the lost environment it is.
     */
    @Override
    public List<ObjectResult> apply(LoadedEnvironment env, ChangeSet plan, Fence fence) {
        try (FencedCalls.Scope fenced = FencedCalls.enter(fence)) {
            return applyFenced(env, plan, fence);
        }
    }

    private List<ObjectResult> applyFenced(LoadedEnvironment env, ChangeSet plan, Fence fence) {
        List<ObjectResult> results = new ArrayList<>();
        plan.filter(c -> !c.action().writes()).forEach(c -> results.add(ObjectResult.done(c)));
        if (!plan.hasWrites()) {
            return results;
        }
        AwsContext ctx = context(env);
        AccountGuard.check(ctx);
        for (AwsKind kind : kinds.inOrder()) {
            List<Change> writes = plan.filter(c -> c.key().kind().equals(kind.kind())
                    && (c.action() == Action.CREATE || c.action() == Action.UPDATE));
            writes.forEach(c -> Replacements.refusal(kind, c).ifPresent(r -> results.add(ObjectResult.rejected(c, r))));
            results.addAll(kind.applyAll(ctx, writes.stream()
                    .filter(c -> Replacements.refusal(kind, c).isEmpty()).toList()));
            fence.check();
        }
        MarksAtDeletion marks = new MarksAtDeletion(() -> AwsContext.unshared(ctx.aws(), env), plan);
        for (AwsKind kind : kinds.inReverse()) {
            List<Change> deletes = plan.filter(c -> c.key().kind().equals(kind.kind()) && c.action() == Action.DELETE);
            List<Change> confirmed = marks.confirm(kind, deletes, results);
            fence.check();
            results.addAll(kind.applyAll(ctx, confirmed));
            fence.check();
        }
        return results;
    }

    @Override
    public Health health(LoadedEnvironment env, List<ObjectResult> applied, Fence fence) {
        List<String> failed = applied.stream().filter(r -> r.result() == ObjectResult.Result.FAILED)
                .map(r -> r.key() + ": " + r.message()).toList();
        return failed.isEmpty() ? Health.HEALTHY : Health.degraded(String.join("; ", failed));
    }

    /** Every image the environment deploys from its own account's ECR registries must exist. */
    @Override
    public void preflight(LoadedEnvironment env) {
        if (appliesTo(env)) {
            ImagePreflight.check(env, env.environment().spec().aws().accountId(), region -> clients(env, region).ecr());
        }
    }

    private AwsContext context(LoadedEnvironment env) {
        return new AwsContext(clients(env, env.environment().spec().aws().region()), env);
    }

    private AwsClients clients(LoadedEnvironment env, String region) {
        String role = env.environment().spec().aws().assumeRole();
        // Environments without a role to assume share their region's clients: a hundred environments would
        // otherwise hold a hundred copies of the same clients. An assumed role's session names its environment.
        String key = role == null ? region : region + "|" + role + "|" + env.name();
        return clients.computeIfAbsent(key, k -> new AwsClients(connection, http, counter, throttles, shared, region, role,
                env.name()));
    }

    @Override
    public void close() {
        clients.values().forEach(AwsClients::close);
        http.close();
    }
}
