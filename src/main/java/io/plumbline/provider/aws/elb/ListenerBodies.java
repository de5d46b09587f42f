package io.plumbline.provider.aws.elb;

import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.Names;
import io.plumbline.provider.aws.acm.Certificates;
import io.plumbline.render.aws.Body;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;

/** Translates listeners to bodies (certificate ARNs to domains) and back; actions go through {@link ActionBodies}. */
final class ListenerBodies {
    private final AwsContext ctx;
    private final ActionBodies actions;

    ListenerBodies(AwsContext ctx) {
        this.ctx = ctx;
        this.actions = new ActionBodies(ctx);
    }

    Map<String, Object> observed(Listener l) {
        Body body = Body.of().put("protocol", l.protocolAsString()).put("sslPolicy", l.sslPolicy())
                .put("arn", l.listenerArn());
        if (!l.certificates().isEmpty()) {
            String arn = l.certificates().get(0).certificateArn();
            body.put("certificate", ctx.lookup().certificates().stream().filter(c -> c.certificateArn().equals(arn))
                    .map(c -> Names.dns(c.domainName())).findFirst().orElse(arn));
        }
        if (!l.defaultActions().isEmpty()) {
            body.put("action", actions.observed(l.defaultActions().get(l.defaultActions().size() - 1)));
        }
        return body.build();
    }

    /** The issued certificate of the declared domain, or none for listeners without TLS. */
    List<Certificate> certificates(Map<String, Object> body) {
        String domain = (String) body.get("certificate");
        if (domain == null) {
            return null;
        }
        CertificateSummary c = Certificates.current(ctx, domain).filter(s -> s.status() == CertificateStatus.ISSUED)
                .orElseThrow(() -> ProviderException.retryable("aws: no issued ACM certificate for " + domain
                        + " yet; the listener waits for it", null));
        return List.of(Certificate.builder().certificateArn(c.certificateArn()).build());
    }

    @SuppressWarnings("unchecked")
    List<software.amazon.awssdk.services.elasticloadbalancingv2.model.Action> actions(Map<String, Object> body) {
        return List.of(actions.desired((Map<String, Object>) body.get("action")));
    }
}
