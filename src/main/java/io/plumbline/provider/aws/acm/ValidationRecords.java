package io.plumbline.provider.aws.acm;

import io.plumbline.provider.aws.AwsContext;
import java.util.List;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;

/** Writes a certificate's DNS validation CNAMEs into its zone, in one batch. */
final class ValidationRecords {
    private ValidationRecords() {
    }

    static void write(AwsContext ctx, String zoneId, List<DomainValidation> validations) {
        List<Change> changes = Certificates.byName(validations).entrySet().stream()
                .map(e -> Change.builder().action(ChangeAction.UPSERT).resourceRecordSet(s -> s.name(e.getKey())
                        .type(RRType.CNAME).ttl(300L).resourceRecords(r -> r.value(e.getValue()))).build())
                .toList();
        if (!changes.isEmpty()) {
            ctx.aws().route53().changeResourceRecordSets(r -> r.hostedZoneId(zoneId)
                    .changeBatch(b -> b.comment("plumbline: ACM validation").changes(changes)));
        }
    }
}
