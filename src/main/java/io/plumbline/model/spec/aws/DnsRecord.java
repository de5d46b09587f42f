package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;

/**
 * Either plain {@code values} with a TTL, or an {@code alias} to a declared load balancer.
 *
 * @param adopt take over a record of this name and type that exists without Plumbline's owner record
 */
public record DnsRecord(String name, String type, Integer ttl, List<String> values, Alias alias, Boolean adopt) {
    public DnsRecord {
        values = Lists.of(values);
        adopt = adopt != null && adopt;
    }
}
