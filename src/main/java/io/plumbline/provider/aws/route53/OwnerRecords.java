package io.plumbline.provider.aws.route53;

import io.plumbline.model.Marks;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.Names;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Ownership marks for Route53 records, which cannot be tagged: for a record {@code <name> <TYPE>} Plumbline writes
 * a TXT record {@code _plumbline-<type>.<name>} holding {@code "plumbline:environment=<env>"}.
 */
final class OwnerRecords {
    static final String PREFIX = "_plumbline-";
    private final Map<String, String> ownerValues = new HashMap<>();
    private final String mark;

    OwnerRecords(AwsContext ctx, List<ResourceRecordSet> sets) {
        this.mark = mark(ctx);
        for (ResourceRecordSet s : sets) {
            if (isOwnerRecord(s) && !s.resourceRecords().isEmpty()) {
                ownerValues.put(Names.dns(s.name()), s.resourceRecords().get(0).value());
            }
        }
    }

    static String mark(AwsContext ctx) {
        return "\"" + Marks.AWS_ENVIRONMENT_TAG + "=" + ctx.environment() + "\"";
    }

    static String ownerName(String name, String type) {
        return PREFIX + type.toLowerCase(Locale.ROOT) + "." + name;
    }

    boolean isOwnerRecord(ResourceRecordSet s) {
        return s.type() == RRType.TXT && Names.dns(s.name()).startsWith(PREFIX);
    }

    boolean owns(ResourceRecordSet s) {
        return mark.equals(ownerValue(s));
    }

    /** The owner mark of a record, as found (another environment's, or null). */
    String ownerValue(ResourceRecordSet s) {
        return ownerValues.get(ownerName(Names.dns(s.name()), s.typeAsString()));
    }
}
