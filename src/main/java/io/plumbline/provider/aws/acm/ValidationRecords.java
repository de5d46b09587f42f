package io.plumbline.provider.aws.acm;

import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.route53.OwnerRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * Writes a certificate's DNS validation CNAMEs into its zone, in one batch, each with an owner record naming the
 * certificate: they belong to it while it is declared, and are pruned with it when it is not.
 */
final class ValidationRecords {
    private ValidationRecords() {
    }

    static void write(AwsContext ctx, String zoneId, String domain, List<DomainValidation> validations) {
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, String> e : Certificates.byName(validations).entrySet()) {
            changes.add(Change.builder().action(ChangeAction.UPSERT).resourceRecordSet(s -> s.name(e.getKey())
                    .type(RRType.CNAME).ttl(300L).resourceRecords(r -> r.value(e.getValue()))).build());
            changes.add(Change.builder().action(ChangeAction.UPSERT).resourceRecordSet(OwnerRecords.owner(
                    e.getKey(), RRType.CNAME.toString(), OwnerRecords.certificateMark(ctx, domain))).build());
        }
        if (!changes.isEmpty()) {
            ctx.aws().route53().changeResourceRecordSets(r -> r.hostedZoneId(zoneId)
                    .changeBatch(b -> b.comment("plumbline: ACM validation").changes(changes)));
        }
    }
}
