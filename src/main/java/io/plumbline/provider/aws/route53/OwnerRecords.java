package io.plumbline.provider.aws.route53;

import io.plumbline.model.Marks;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.Names;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Ownership marks for Route53 records, which cannot be tagged: for a record {@code <name> <TYPE>} Plumbline writes
 * a TXT record {@code _plumbline-<type>.<name>} holding {@code "plumbline:environment=<env>"}. A certificate's
 * validation record also names its certificate: {@code "plumbline:environment=<env>" "plumbline:certificate=<domain>"}.
 */
public final class OwnerRecords {
    static final String PREFIX = "_plumbline-";
    private static final String CERTIFICATE = "plumbline:certificate=";
    private static final Pattern CERTIFICATE_MARK = Pattern.compile("\"" + CERTIFICATE + "([^\"]+)\"");
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

    /** The owner value of a certificate's validation record. */
    public static String certificateMark(AwsContext ctx, String domain) {
        return mark(ctx) + " \"" + CERTIFICATE + Names.dns(domain) + "\"";
    }

    /** The owner record of {@code <name> <type>} holding {@code value}. */
    public static ResourceRecordSet owner(String name, String type, String value) {
        return ResourceRecordSet.builder().name(ownerName(Names.dns(name), type)).type(RRType.TXT).ttl(300L)
                .resourceRecords(r -> r.value(value)).build();
    }

    static String ownerName(String name, String type) {
        return PREFIX + type.toLowerCase(Locale.ROOT) + "." + name;
    }

    boolean isOwnerRecord(ResourceRecordSet s) {
        return s.type() == RRType.TXT && Names.dns(s.name()).startsWith(PREFIX);
    }

    /** Carries this environment's mark, as a record of its own or as a certificate's validation record. */
    boolean owns(ResourceRecordSet s) {
        String value = ownerValue(s);
        return value != null && (value.equals(mark) || value.startsWith(mark + " "));
    }

    /** The certificate domain a validation record belongs to, when it is one. */
    static Optional<String> certificate(String ownerValue) {
        Matcher m = ownerValue == null ? null : CERTIFICATE_MARK.matcher(ownerValue);
        return m != null && m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The owner mark of a record, as found (another environment's, or null). */
    String ownerValue(ResourceRecordSet s) {
        return ownerValues.get(ownerName(Names.dns(s.name()), s.typeAsString()));
    }
}
