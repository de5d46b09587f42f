package io.plumbline.provider.aws.elb;

import io.plumbline.model.Change;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.render.aws.AwsKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;

/**
 * Listeners of declared, existing load balancers: HTTP redirects, HTTPS with an ACM certificate and TLS policy,
 * forwards to a target group. One DescribeListeners per load balancer and one DescribeTags per 20 listeners.
 */
public final class Listeners implements AwsKind {
    private static final int TAG_BATCH = 20;

    @Override
    public String kind() {
        return AwsKinds.LISTENER;
    }

    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        List<Resource> out = new ArrayList<>();
        for (var declared : ctx.spec().loadBalancers()) {
            LoadBalancer lb = loadBalancer(ctx, declared.name());
            List<Listener> listeners = ctx.aws().elb().describeListenersPaginator(r -> r
                    .loadBalancerArn(lb.loadBalancerArn())).listeners().stream().toList();
            Map<String, Map<String, String>> tags = tags(ctx, listeners);
            ListenerBodies bodies = new ListenerBodies(ctx);
            listeners.forEach(l -> out.add(new Resource(ResourceKey.of(AwsKinds.PROVIDER, kind(), declared.name(),
                    String.valueOf(l.port())), bodies.observed(l), ctx.owned(tags.getOrDefault(l.listenerArn(),
                    Map.of())))));
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

    private static Map<String, Map<String, String>> tags(AwsContext ctx, List<Listener> listeners) {
        List<String> arns = listeners.stream().map(Listener::listenerArn).toList();
        List<TagDescription> found = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += TAG_BATCH) {
            List<String> batch = arns.subList(i, Math.min(arns.size(), i + TAG_BATCH));
            found.addAll(ctx.aws().elb().describeTags(r -> r.resourceArns(batch)).tagDescriptions());
        }
        return found.stream().collect(Collectors.toMap(TagDescription::resourceArn, d -> d.tags().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> a)), (a, b) -> a));
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        ListenerBodies bodies = new ListenerBodies(ctx);
        switch (change.action()) {
            case CREATE -> {
                Map<String, Object> b = change.desired().body();
                LoadBalancer lb = loadBalancer(ctx, change.key().namespace());
                List<Tag> tags = ctx.ownershipTags().entrySet().stream()
                        .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
                ctx.aws().elb().createListener(r -> r.loadBalancerArn(lb.loadBalancerArn())
                        .port(Integer.parseInt(change.key().name())).protocol((String) b.get("protocol"))
                        .sslPolicy((String) b.get("sslPolicy")).certificates(bodies.certificates(b))
                        .defaultActions(bodies.actions(b)).tags(tags));
            }
            case UPDATE -> {
                Map<String, Object> b = change.desired().body();
                ctx.aws().elb().modifyListener(r -> r.listenerArn((String) change.actual().body().get("arn"))
                        .protocol((String) b.get("protocol")).sslPolicy((String) b.get("sslPolicy"))
                        .certificates(bodies.certificates(b)).defaultActions(bodies.actions(b)));
            }
            case DELETE -> ctx.aws().elb().deleteListener(r -> r.listenerArn((String) change.actual().body()
                    .get("arn")));
            default -> { }
        }
    }
}
