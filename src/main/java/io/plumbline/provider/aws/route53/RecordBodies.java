package io.plumbline.provider.aws.route53;

import io.plumbline.model.Resource;
import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.Names;
import io.plumbline.render.aws.Body;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/** Translates record sets to bodies (alias targets to load balancer names) and bodies to change batches. */
final class RecordBodies {
    private final AwsContext ctx;

    RecordBodies(AwsContext ctx) {
        this.ctx = ctx;
    }

    /** The compared fields, plus what a deletion must repeat exactly: the raw alias target and owner mark. */
    Map<String, Object> observed(ResourceRecordSet s, String owner) {
        Body body = Body.of();
        if (s.aliasTarget() != null) {
            String dns = Names.dns(s.aliasTarget().dnsName());
            body.put("alias", ctx.lookup().loadBalancers().values().stream()
                    .filter(lb -> Names.dns(lb.dnsName()).equals(dns)).map(LoadBalancer::loadBalancerName)
                    .findFirst().orElse(dns));
            body.put("aliasTarget", Map.of("dnsName", s.aliasTarget().dnsName(),
                    "hostedZoneId", s.aliasTarget().hostedZoneId()));
        } else {
            body.put("ttl", s.ttl()).put("values", s.resourceRecords().stream().map(ResourceRecord::value)
                    .sorted().toList());
        }
        return body.put("owner", owner).build();
    }

    List<Change> upsert(Resource desired) {
        ResourceRecordSet set = recordSet(desired.key().name(), desired.body());
        return List.of(change(ChangeAction.UPSERT, set), change(ChangeAction.UPSERT,
                owner(desired.key().name(), OwnerRecords.mark(ctx))));
    }

    List<Change> deletion(Resource actual) {
        Map<String, Object> body = actual.body();
        List<Change> changes = new ArrayList<>();
        changes.add(change(ChangeAction.DELETE, recordSet(actual.key().name(), body)));
        if (body.get("owner") != null) {
            changes.add(change(ChangeAction.DELETE, owner(actual.key().name(), (String) body.get("owner"))));
        }
        return changes;
    }

    @SuppressWarnings("unchecked")
    private ResourceRecordSet recordSet(String key, Map<String, Object> body) {
        String[] nameType = key.split(" ");
        ResourceRecordSet.Builder set = ResourceRecordSet.builder().name(nameType[0]).type(nameType[1]);
        if (body.containsKey("aliasTarget")) {
            Map<String, String> t = (Map<String, String>) body.get("aliasTarget");
            return set.aliasTarget(a -> a.dnsName(t.get("dnsName")).hostedZoneId(t.get("hostedZoneId"))
                    .evaluateTargetHealth(false)).build();
        }
        if (body.containsKey("alias")) {
            LoadBalancer lb = ctx.lookup().loadBalancers().get((String) body.get("alias"));
            if (lb == null) {
                throw ProviderException.refused("aws: load balancer " + body.get("alias") + " (alias of " + nameType[0]
                        + ") not found");
            }
            return set.aliasTarget(a -> a.dnsName(lb.dnsName()).hostedZoneId(lb.canonicalHostedZoneId())
                    .evaluateTargetHealth(false)).build();
        }
        return set.ttl(((Number) body.get("ttl")).longValue()).resourceRecords(((List<String>) body.get("values"))
                .stream().map(v -> ResourceRecord.builder().value(v).build()).toList()).build();
    }

    private static ResourceRecordSet owner(String key, String value) {
        String[] nameType = key.split(" ");
        return OwnerRecords.owner(nameType[0], nameType[1], value);
    }

    private static Change change(ChangeAction action, ResourceRecordSet set) {
        return Change.builder().action(action).resourceRecordSet(set).build();
    }
}
