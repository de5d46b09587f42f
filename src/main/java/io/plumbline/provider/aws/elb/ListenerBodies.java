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
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/** Translates listeners to bodies (certificate ARNs to domains, target group ARNs to names) and back. */
final class ListenerBodies {
    private final AwsContext ctx;

    ListenerBodies(AwsContext ctx) {
        this.ctx = ctx;
    }

    Map<String, Object> observed(Listener l) {
        Body body = Body.of().put("protocol", l.protocolAsString()).put("sslPolicy", l.sslPolicy())
                .put("arn", l.listenerArn());
        if (!l.certificates().isEmpty()) {
            String arn = l.certificates().get(0).certificateArn();
            body.put("certificate", ctx.lookup().certificates().stream().filter(c -> c.certificateArn().equals(arn))
                    .map(c -> Names.dns(c.domainName())).findFirst().orElse(arn));
        }
        for (Action a : l.defaultActions()) {
            if (a.type() == ActionTypeEnum.REDIRECT && a.redirectConfig().port() != null) {
                body.put("redirectTo", Integer.parseInt(a.redirectConfig().port()));
            } else if (a.type() == ActionTypeEnum.FORWARD) {
                TargetGroup tg = ctx.lookup().targetGroups().get(a.targetGroupArn());
                body.put("targetGroup", tg == null ? a.targetGroupArn() : tg.targetGroupName());
            }
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

    List<Action> actions(Map<String, Object> body) {
        Object redirect = body.get("redirectTo");
        String targetGroup = (String) body.get("targetGroup");
        if (redirect != null) {
            return List.of(Action.builder().type(ActionTypeEnum.REDIRECT).redirectConfig(r -> r.protocol("HTTPS")
                    .port(String.valueOf(redirect)).statusCode("HTTP_301")).build());
        }
        if (targetGroup != null) {
            String arn = ctx.lookup().targetGroups().values().stream()
                    .filter(t -> t.targetGroupName().equals(targetGroup)).map(TargetGroup::targetGroupArn)
                    .findFirst().orElseThrow(() -> ProviderException.refused("aws: target group " + targetGroup
                            + " not found"));
            return List.of(Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(arn).build());
        }
        return List.of(Action.builder().type(ActionTypeEnum.FIXED_RESPONSE)
                .fixedResponseConfig(f -> f.statusCode("404").contentType("text/plain")).build());
    }
}
