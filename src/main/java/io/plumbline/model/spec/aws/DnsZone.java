package io.plumbline.model.spec.aws;

import java.util.List;

/** Records in an existing Route53 hosted zone. */
public record DnsZone(String zone, List<DnsRecord> records) {
    public DnsZone {
        records = records == null ? List.of() : List.copyOf(records);
    }
}
