package io.plumbline.provider.aws.route53;

import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsErrors;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.provider.aws.Names;
import io.plumbline.render.aws.AwsKinds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Records in existing hosted zones, written in one change batch per zone per reconcile. Route53 records carry no
 * tags, so ownership is kept in a TXT record beside each record Plumbline writes ({@link OwnerRecords});
 * only records with that mark are ever deleted. PriorRequestNotComplete is retried by the SDK as throttling.
 */
public final class DnsRecords implements AwsKind {

    @Override
    public String kind() {
        return AwsKinds.DNS_RECORD;
    }

    /**
     * The declared records, and every record carrying this environment's owner record in any hosted zone (a zone
     * removed from the file): one paginated ListResourceRecordSets per zone. The validation records of a declared
     * certificate belong to that certificate and are not listed; those of a certificate no longer declared are.
     */
    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        Set<ResourceKey> declared = desired.stream().map(Resource::key).collect(Collectors.toSet());
        ctx.spec().dns().forEach(z -> zone(ctx, Names.dns(z.zone())));
        Set<String> certificates = ctx.spec().certificates().stream().map(c -> Names.dns(c.domain()))
                .collect(Collectors.toSet());
        RecordBodies bodies = new RecordBodies(ctx);
        List<Resource> out = new ArrayList<>();
        for (Map.Entry<String, HostedZone> zone : ctx.lookup().zones().entrySet()) {
            List<ResourceRecordSet> sets = ctx.aws().route53().listResourceRecordSetsPaginator(r -> r
                    .hostedZoneId(zone.getValue().id())).resourceRecordSets().stream().toList();
            OwnerRecords owners = new OwnerRecords(ctx, sets);
            for (ResourceRecordSet set : sets) {
                ResourceKey key = ResourceKey.of(AwsKinds.PROVIDER, kind(), zone.getKey(),
                        Names.dns(set.name()) + " " + set.typeAsString());
                boolean owned = owners.owns(set);
                boolean certificateRecord = OwnerRecords.certificate(owners.ownerValue(set))
                        .filter(certificates::contains).isPresent();
                if (!owners.isOwnerRecord(set) && !(owned && certificateRecord)
                        && (declared.contains(key) || owned)) {
                    out.add(new Resource(key, bodies.observed(set, owners.ownerValue(set)), owned));
                }
            }
        }
        return out;
    }

    static HostedZone zone(AwsContext ctx, String name) {
        HostedZone zone = ctx.lookup().zones().get(name);
        if (zone == null) {
            throw ProviderException.refused("aws: hosted zone " + name + " not found in Route53; Plumbline writes "
                    + "records into existing zones");
        }
        return zone;
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        applyAll(ctx, List.of(change)).stream().filter(r -> r.result() == ObjectResult.Result.FAILED).findFirst()
                .ifPresent(r -> {
                    throw ProviderException.retryable(r.message(), null);
                });
    }

    /** One ChangeResourceRecordSets per zone: every change of that zone succeeds or fails together. */
    @Override
    public List<ObjectResult> applyAll(AwsContext ctx, List<Change> changes) {
        Map<String, List<Change>> byZone = changes.stream().collect(Collectors.groupingBy(c -> c.key().namespace(),
                LinkedHashMap::new, Collectors.toList()));
        RecordBodies bodies = new RecordBodies(ctx);
        List<ObjectResult> results = new ArrayList<>();
        byZone.forEach((zoneName, zoneChanges) -> {
            try {
                List<software.amazon.awssdk.services.route53.model.Change> batch = new ArrayList<>();
                for (Change c : zoneChanges) {
                    batch.addAll(c.action() == Action.DELETE ? bodies.deletion(c.actual())
                            : bodies.upsert(c.desired()));
                }
                String zoneId = zone(ctx, zoneName).id();
                ctx.aws().route53().changeResourceRecordSets(r -> r.hostedZoneId(zoneId)
                        .changeBatch(b -> b.comment("plumbline: " + ctx.environment()).changes(batch)));
                zoneChanges.forEach(c -> results.add(ObjectResult.done(c)));
            } catch (RuntimeException e) {
                AwsErrors.rethrowUnexpected(e);
                zoneChanges.forEach(c -> results.add(ObjectResult.failed(c, AwsErrors.describe(e))));
            }
        });
        return results;
    }
}
