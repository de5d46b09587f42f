package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;

/** Either plain {@code values} with a TTL, or an {@code alias} to a declared load balancer. */
public record DnsRecord(String name, String type, Integer ttl, List<String> values, Alias alias) {
    public DnsRecord {
        values = Lists.of(values);
    }
}
