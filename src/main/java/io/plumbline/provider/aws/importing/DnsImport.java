package io.plumbline.provider.aws.importing;

import io.plumbline.importer.Commented;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The records of hosted zones, each {@code adopt: true}. The zone's own NS and SOA records, Plumbline's owner
 * records and alias records (whose load balancers are not imported yet) are left out, the last named in the report.
 */
final class DnsImport {
    private static final Set<String> TYPES = Set.of("A", "AAAA", "CNAME", "TXT", "MX");
    private final Route53Client route53;
    private final Collected collected;

    DnsImport(Route53Client route53, Collected collected) {
        this.route53 = route53;
        this.collected = collected;
    }

    List<Object> zones(List<String> names) {
        List<Object> out = new ArrayList<>();
        for (String name : names) {
            String zoneName = name.endsWith(".") ? name : name + ".";
            HostedZone zone = route53.listHostedZonesByName(r -> r.dnsName(zoneName)).hostedZones().stream()
                    .filter(z -> z.name().equals(zoneName) && (z.config() == null
                            || !Boolean.TRUE.equals(z.config().privateZone())))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no public hosted zone " + name));
            String zoneId = zone.id().replaceFirst("^/hostedzone/", "");
            List<Object> records = new ArrayList<>();
            for (ResourceRecordSet set : route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(zoneId))
                    .resourceRecordSets()) {
                String record = set.name().replaceAll("\\.$", "").replace("\\052", "*");
                String type = set.typeAsString();
                if (record.startsWith("_plumbline-") || record.equals(stripped(zoneName)) && Set.of("NS", "SOA")
                        .contains(type)) {
                    continue;
                }
                if (!TYPES.contains(type) || set.aliasTarget() != null || set.setIdentifier() != null) {
                    collected.leave(type + " record " + record, set.aliasTarget() != null ? "an alias record: load"
                            + " balancers are not imported yet" : "a record type or routing policy the file cannot"
                            + " say; it stays as it is");
                    continue;
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("name", record);
                body.put("type", type);
                body.put("ttl", set.ttl());
                body.put("values", set.resourceRecords().stream().map(ResourceRecord::value).map(v -> (Object) v)
                        .toList());
                body.put("adopt", true);
                records.add(body);
                collected.count("Route53 record");
            }
            Map<String, Object> z = new LinkedHashMap<>();
            z.put("zone", stripped(zoneName));
            z.put("records", records);
            out.add(new Commented("hosted zone " + zoneId, z));
        }
        return out;
    }

    private static String stripped(String name) {
        return name.substring(0, name.length() - 1);
    }
}
