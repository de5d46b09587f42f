package io.plumbline.provider.aws.elb;

import static io.plumbline.render.aws.ListenerActions.FIXED_RESPONSE;
import static io.plumbline.render.aws.ListenerActions.FORWARD;
import static io.plumbline.render.aws.ListenerActions.REDIRECT;

import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.render.aws.ListenerActions;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.FixedResponseActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RedirectActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * A listener's default action, both ways, in the form {@link ListenerActions} renders: every redirect part, the
 * fixed response, and each target group's weight (target groups by name). Actions are written in full, so what AWS
 * returns is what was declared.
 */
final class ActionBodies {
    private final AwsContext ctx;

    ActionBodies(AwsContext ctx) {
        this.ctx = ctx;
    }

    Map<String, Object> observed(Action a) {
        if (a.type() == ActionTypeEnum.REDIRECT) {
            RedirectActionConfig r = a.redirectConfig();
            return ListenerActions.redirect(r.protocol(), r.port(), r.host(), r.path(), r.query(),
                    r.statusCode() == null ? null : Integer.valueOf(r.statusCodeAsString().replace("HTTP_", "")));
        }
        if (a.type() == ActionTypeEnum.FORWARD) {
            List<TargetGroupTuple> groups = a.forwardConfig() == null || a.forwardConfig().targetGroups().isEmpty()
                    ? List.of(TargetGroupTuple.builder().targetGroupArn(a.targetGroupArn()).build())
                    : a.forwardConfig().targetGroups();
            return ListenerActions.forward(groups.stream().map(t -> ListenerActions.weighted(name(t.targetGroupArn()),
                    t.weight() == null ? 1 : t.weight())).toList());
        }
        if (a.type() == ActionTypeEnum.FIXED_RESPONSE) {
            FixedResponseActionConfig f = a.fixedResponseConfig();
            return ListenerActions.fixedResponse(f.statusCode(), f.contentType(), f.messageBody());
        }
        return Map.of("type", a.typeAsString());
    }

    @SuppressWarnings("unchecked")
    Action desired(Map<String, Object> action) {
        String type = (String) action.get("type");
        if (REDIRECT.equals(type)) {
            return Action.builder().type(ActionTypeEnum.REDIRECT).redirectConfig(r -> r
                    .protocol((String) action.get("protocol")).port((String) action.get("port"))
                    .host((String) action.get("host")).path((String) action.get("path"))
                    .query((String) action.get("query")).statusCode((String) action.get("statusCode"))).build();
        }
        if (FORWARD.equals(type)) {
            List<Map<String, Object>> groups = (List<Map<String, Object>>) action.get("targetGroups");
            List<TargetGroupTuple> tuples = groups.stream().map(g -> TargetGroupTuple.builder()
                    .targetGroupArn(arn((String) g.get("name"))).weight(((Number) g.get("weight")).intValue())
                    .build()).toList();
            return Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(f -> f.targetGroups(tuples)).build();
        }
        if (FIXED_RESPONSE.equals(type)) {
            return Action.builder().type(ActionTypeEnum.FIXED_RESPONSE).fixedResponseConfig(f -> f
                    .statusCode((String) action.get("statusCode")).contentType((String) action.get("contentType"))
                    .messageBody((String) action.get("messageBody"))).build();
        }
        throw new IllegalStateException("a rendered listener action is redirect, forward or fixed-response");
    }

    private String name(String arn) {
        TargetGroup tg = ctx.lookup().targetGroups().get(arn);
        return tg == null ? arn : tg.targetGroupName();
    }

    private String arn(String name) {
        return ctx.lookup().targetGroups().values().stream().filter(t -> t.targetGroupName().equals(name))
                .map(TargetGroup::targetGroupArn).findFirst()
                .orElseThrow(() -> ProviderException.refused("aws: target group " + name + " not found"));
    }
}
