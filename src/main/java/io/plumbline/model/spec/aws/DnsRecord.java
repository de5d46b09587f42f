package io.plumbline.model.spec.aws;

import java.util.List;

/** Either plain {@code values} with a TTL, or an {@code alias} to a declared load balancer. */
public record DnsRecord(String name, String type, Integer ttl, List<String> values, Alias alias) {
    public DnsRecord {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
