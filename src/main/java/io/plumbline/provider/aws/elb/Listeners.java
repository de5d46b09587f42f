package io.plumbline.provider.aws.elb;

import io.plumbline.model.Change;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.provider.aws.AwsMarks;
import io.plumbline.render.aws.AwsKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;

/**
 * Listeners of existing load balancers: redirects, forwards (weighted) and fixed responses, HTTPS with an ACM
 * certificate and TLS policy. One DescribeListeners per load balancer and one DescribeTags per 20 listeners.
 */
public final class Listeners implements AwsKind {
    private static final int TAG_BATCH = 20;

    @Override
    public String kind() {
        return AwsKinds.LISTENER;
    }

    /**
     * Every listener of the declared load balancers, and the marked listeners of the others (a load balancer
     * removed from the file): one DescribeListeners per load balancer in the region.
     */
    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        ctx.spec().loadBalancers().forEach(lb -> loadBalancer(ctx, lb.name()));
        Set<String> declared = ctx.spec().loadBalancers().stream().map(lb -> lb.name()).collect(Collectors.toSet());
        ListenerBodies bodies = new ListenerBodies(ctx);
        List<Resource> out = new ArrayList<>();
        for (LoadBalancer lb : ctx.lookup().loadBalancers().values()) {
            List<Listener> listeners = ctx.aws().elb().describeListenersPaginator(r -> r
                    .loadBalancerArn(lb.loadBalancerArn())).listeners().stream().toList();
            Map<String, Map<String, String>> tags = tags(ctx, listeners);
            for (Listener l : listeners) {
                boolean owned = ctx.owned(tags.getOrDefault(l.listenerArn(), Map.of()));
                if (owned || declared.contains(lb.loadBalancerName())) {
                    out.add(new Resource(ResourceKey.of(AwsKinds.PROVIDER, kind(), lb.loadBalancerName(),
                            String.valueOf(l.port())), bodies.observed(l), owned));
                }
            }
        }
        return out;
    }

    static LoadBalancer loadBalancer(AwsContext ctx, String name) {
        LoadBalancer lb = ctx.lookup().loadBalancers().get(name);
        if (lb == null) {
            throw ProviderException.refused("aws: load balancer " + name + " not found in " + ctx.spec().region()
                    + "; Plumbline manages the listeners of existing load balancers");
        }
        return lb;
    }

    private static List<Tag> markTags(AwsContext ctx) {
        return ctx.ownershipTags().entrySet().stream()
                .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
    }

    private static Map<String, Map<String, String>> tags(AwsContext ctx, List<Listener> listeners) {
        List<String> arns = listeners.stream().map(Listener::listenerArn).toList();
        List<TagDescription> found = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += TAG_BATCH) {
            List<String> batch = arns.subList(i, Math.min(arns.size(), i + TAG_BATCH));
            found.addAll(ctx.aws().elb().describeTags(r -> r.resourceArns(batch)).tagDescriptions());
        }
        return found.stream().collect(Collectors.toMap(TagDescription::resourceArn, d -> AwsMarks.elb(d.tags()),
                (a, b) -> a));
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        ListenerBodies bodies = new ListenerBodies(ctx);
        switch (change.action()) {
            case CREATE -> {
                Map<String, Object> b = change.desired().body();
                LoadBalancer lb = loadBalancer(ctx, change.key().namespace());
                List<Tag> tags = markTags(ctx);
                ctx.aws().elb().createListener(r -> r.loadBalancerArn(lb.loadBalancerArn())
                        .port(Integer.parseInt(change.key().name())).protocol((String) b.get("protocol"))
                        .sslPolicy((String) b.get("sslPolicy")).certificates(bodies.certificates(b))
                        .defaultActions(bodies.actions(b)).tags(tags));
            }
            case UPDATE -> {
                Map<String, Object> b = change.desired().body();
                String arn = (String) change.actual().body().get("arn");
                ctx.aws().elb().modifyListener(r -> r.listenerArn(arn)
                        .protocol((String) b.get("protocol")).sslPolicy((String) b.get("sslPolicy"))
                        .certificates(bodies.certificates(b)).defaultActions(bodies.actions(b)));
                if (!change.actual().owned()) {
                    ctx.aws().elb().addTags(r -> r.resourceArns(arn).tags(markTags(ctx)));
                }
            }
            case DELETE -> ctx.aws().elb().deleteListener(r -> r.listenerArn((String) change.actual().body()
                    .get("arn")));
            default -> { }
        }
    }
}
