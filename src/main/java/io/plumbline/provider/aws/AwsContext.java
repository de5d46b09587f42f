package io.plumbline.provider.aws;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.spec.aws.AwsSpec;
import io.plumbline.provider.aws.ec2.ComputeRefs;
import java.time.Duration;
import java.util.Map;

/** What one reconcile of one environment works with: its clients, its spec and the shared lookups. */
public final class AwsContext {
    private final AwsClients aws;
    private final LoadedEnvironment env;
    private final Lookup lookup;
    private final ComputeRefs refs;

    public AwsContext(AwsClients aws, LoadedEnvironment env) {
        this(aws, env, true);
    }

    private AwsContext(AwsClients aws, LoadedEnvironment env, boolean sharing) {
        this.aws = aws;
        this.env = env;
        this.lookup = new Lookup(aws, env.environment().spec().aws(), env.name(), sharing);
        this.refs = new ComputeRefs(aws, env.environment().spec().aws(), lookup);
    }

    /** A context whose reads all go to AWS, none to the reads shared with other environments. */
    static AwsContext unshared(AwsClients aws, LoadedEnvironment env) {
        return new AwsContext(aws, env, false);
    }

    public AwsClients aws() {
        return aws;
    }

    public AwsSpec spec() {
        return env.environment().spec().aws();
    }

    public String environment() {
        return env.name();
    }

    /** The commit being applied. */
    public String commit() {
        return env.revision().commit();
    }

    public boolean pruneEnabled() {
        return env.environment().spec().sync().pruneEnabled();
    }

    public Lookup lookup() {
        return lookup;
    }

    /** Names of VPCs, subnets, security groups and images, resolved for launch templates, instances and groups. */
    public ComputeRefs refs() {
        return refs;
    }

    /** The text of a repository file the environment names (user data), read when it loaded. */
    public String file(String path) {
        return env.files().get(path);
    }

    public Duration pollInterval() {
        return aws.connection().pollInterval();
    }

    public Duration waitBound() {
        return env.environment().spec().sync().healthTimeoutDuration();
    }

    /** The ownership tags put on everything Plumbline creates for this environment. */
    public Map<String, String> ownershipTags() {
        return marks().tags();
    }

    /** This environment's marks: the one rule every kind judges ownership by. */
    public AwsMarks marks() {
        return new AwsMarks(env.name());
    }

    /** Carries this environment's ownership tags and no {@code shared} cluster tag: Plumbline may delete it. */
    public boolean owned(Map<String, String> tags) {
        return marks().deletable(tags);
    }

    /**
     * Carries this environment's marks, {@code shared} or not. The network kinds own what they marked even when it
     * is {@code shared}, so that it is kept up to date; the ownership rules still never delete it.
     */
    public boolean marked(Map<String, String> tags) {
        return marks().on(tags);
    }

    public static boolean shared(Map<String, String> tags) {
        return AwsMarks.shared(tags);
    }
}
