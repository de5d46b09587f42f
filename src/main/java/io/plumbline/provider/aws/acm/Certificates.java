package io.plumbline.provider.aws.acm;

import io.plumbline.model.Change;
import io.plumbline.model.Resource;
import io.plumbline.model.spec.aws.Certificate;
import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.provider.aws.ClientTokens;
import io.plumbline.provider.aws.Names;
import io.plumbline.provider.aws.Waits;
import io.plumbline.render.aws.AwsKinds;
import io.plumbline.render.aws.Body;
import io.plumbline.model.ResourceKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.acm.model.ResourceInUseException;
import software.amazon.awssdk.services.acm.model.ResourceNotFoundException;
import software.amazon.awssdk.services.acm.model.Tag;

/**
 * ACM certificates validated through DNS: requested with ownership tags, their validation records written into
 * the declared Route53 zone (with an owner record naming the certificate), then waited for (bounded by the
 * environment's health timeout) until issued. A certificate whose names change is requested anew; a marked
 * certificate no longer in use by a declared domain is deleted, once no listener uses it.
 */
public final class Certificates implements AwsKind {

    @Override
    public String kind() {
        return AwsKinds.CERTIFICATE;
    }

    /**
     * The current certificate of each declared domain, and every other certificate carrying this environment's
     * marks (found through the tagging API): those are keyed {@code <domain>} when the domain is no longer
     * declared, else {@code <domain> <certificate id>}, and are deleted when pruning is on.
     */
    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        Set<String> owned = ctx.lookup().ownedCertificates();
        Set<String> declared = desired.stream().map(d -> d.key().name()).collect(Collectors.toSet());
        Set<String> current = new HashSet<>();
        List<Resource> out = new ArrayList<>();
        for (Resource d : desired) {
            current(ctx, d.key().name()).ifPresent(c -> {
                current.add(c.certificateArn());
                out.add(new Resource(d.key(), body(c), owned.contains(c.certificateArn())));
            });
        }
        // The tagging API already named every marked certificate: only an owned one not yet found needs the list
        // of the account's certificates (an environment without certificates, most of them, costs no call).
        if (current.containsAll(owned)) {
            return out;
        }
        for (CertificateSummary c : ctx.lookup().certificates()) {
            if (owned.contains(c.certificateArn()) && !current.contains(c.certificateArn())) {
                String domain = Names.dns(c.domainName());
                String name = declared.contains(domain) ? domain + " " + c.certificateArn()
                        .substring(c.certificateArn().lastIndexOf('/') + 1) : domain;
                out.add(new Resource(ResourceKey.of(AwsKinds.PROVIDER, kind(), "", name), body(c), true));
            }
        }
        return out;
    }

    private static Map<String, Object> body(CertificateSummary c) {
        return Body.of().put("alternativeNames", alternativeNames(c)).put("status", c.statusAsString())
                .put("arn", c.certificateArn()).build();
    }

    /** The certificate a listener of {@code domain} should use: issued before pending, newest first. */
    public static Optional<CertificateSummary> current(AwsContext ctx, String domain) {
        return ctx.lookup().certificates().stream().filter(c -> Names.dns(c.domainName()).equals(domain))
                .filter(c -> c.status() == CertificateStatus.ISSUED
                        || c.status() == CertificateStatus.PENDING_VALIDATION)
                .min(Comparator.comparing((CertificateSummary c) -> c.status() != CertificateStatus.ISSUED)
                        .thenComparing(c -> c.createdAt() == null ? 0 : -c.createdAt().toEpochMilli()));
    }

    private static List<String> alternativeNames(CertificateSummary c) {
        return c.subjectAlternativeNameSummaries().stream().map(Names::dns)
                .filter(n -> !n.equals(Names.dns(c.domainName()))).sorted().toList();
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        if (change.action() == io.plumbline.model.Action.DELETE) {
            delete(ctx, (String) change.actual().body().get("arn"));
            return;
        }
        Certificate declared = ctx.spec().certificates().stream()
                .filter(c -> Names.dns(c.domain()).equals(change.key().name())).findFirst().orElseThrow();
        boolean reuse = change.actual() != null
                && change.fields().stream().noneMatch(f -> f.path().startsWith("alternativeNames"));
        String arn = reuse ? (String) change.actual().body().get("arn") : request(ctx, change, declared);
        String zoneId = zoneId(ctx, declared);
        Waits.until(ctx, "ACM to publish the validation records of " + declared.domain(),
                () -> validations(ctx, arn).stream().allMatch(v -> v.resourceRecord() != null));
        ValidationRecords.write(ctx, zoneId, declared.domain(), validations(ctx, arn));
        Waits.until(ctx, "certificate " + declared.domain() + " to be issued",
                () -> detail(ctx, arn).status() == CertificateStatus.ISSUED);
        ctx.lookup().forget("certificates");
    }

    /**
     * Deletes a certificate. Listeners are deleted or moved off it earlier in the same apply; while something else
     * still uses it, ACM refuses, and the result says it is deleted once nothing uses it.
     */
    private static void delete(AwsContext ctx, String arn) {
        try {
            ctx.aws().acm().deleteCertificate(r -> r.certificateArn(arn));
        } catch (ResourceInUseException e) {
            throw ProviderException.retryable("aws: certificate " + arn + " is still in use; it is deleted once "
                    + "nothing uses it", e);
        }
    }

    /**
     * Requested with an idempotency token derived as the EC2 creates' are ({@link ClientTokens}): the same request
     * sent again (the SDK's retry, a restarted service at the same commit) returns the certificate the first one
     * made. ACM answers a token for an hour, with the certificate it made even once that is deleted; a token of the
     * commit rather than of the domain alone lets a certificate removed by one commit be requested by the next, and
     * a deleted one is asked for again with the next generation's token.
     */
    private static String request(AwsContext ctx, Change change, Certificate c) {
        List<Tag> tags = ctx.ownershipTags().entrySet().stream()
                .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
        return ClientTokens.create(ctx, change, token -> ctx.aws().acm().requestCertificate(r -> r
                .domainName(c.domain())
                .subjectAlternativeNames(c.alternativeNames().isEmpty() ? null : c.alternativeNames())
                .validationMethod("DNS").idempotencyToken(token).tags(tags)).certificateArn(), arn -> gone(ctx, arn));
    }

    private static boolean gone(AwsContext ctx, String arn) {
        try {
            detail(ctx, arn);
            return false;
        } catch (ResourceNotFoundException e) {
            return true;
        }
    }

    private static String zoneId(AwsContext ctx, Certificate c) {
        var zone = ctx.lookup().zones().get(Names.dns(c.zone()));
        if (zone == null) {
            throw ProviderException.refused("aws: hosted zone " + c.zone() + " (validation zone of certificate "
                    + c.domain() + ") not found in Route53");
        }
        return zone.id();
    }

    private static CertificateDetail detail(AwsContext ctx, String arn) {
        return ctx.aws().acm().describeCertificate(r -> r.certificateArn(arn)).certificate();
    }

    private static List<DomainValidation> validations(AwsContext ctx, String arn) {
        return detail(ctx, arn).domainValidationOptions();
    }

    static Map<String, String> byName(List<DomainValidation> validations) {
        return validations.stream().filter(v -> v.resourceRecord() != null).collect(Collectors.toMap(
                v -> v.resourceRecord().name(), v -> v.resourceRecord().value(), (a, b) -> a));
    }
}
