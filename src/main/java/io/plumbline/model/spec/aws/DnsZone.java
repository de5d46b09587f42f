package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;

/** Records in an existing Route53 hosted zone. */
public record DnsZone(String zone, List<DnsRecord> records) {
    public DnsZone {
        records = Lists.of(records);
    }
}
