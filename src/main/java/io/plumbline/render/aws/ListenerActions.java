package io.plumbline.render.aws;

import io.plumbline.model.spec.aws.Listener;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The default action of a listener as one compared value, spelled the way ELBv2 returns it, so every part of it
 * (redirect protocol, port, host, path, query and status code; fixed responses; forward weights) is drift when
 * changed by hand.
 */
public final class ListenerActions {
    public static final String REDIRECT = "redirect";
    public static final String FORWARD = "forward";
    public static final String FIXED_RESPONSE = "fixed-response";

    private ListenerActions() {
    }

    static Map<String, Object> of(Listener l) {
        if (l.redirectTo() != null) {
            return redirect("HTTPS", String.valueOf(l.redirectTo()), null, null, null, 301);
        }
        if (l.redirect() != null) {
            Listener.Redirect r = l.redirect();
            return redirect(r.protocol(), r.port() == null ? null : String.valueOf(r.port()), r.host(), r.path(),
                    r.query(), r.statusCode());
        }
        if (l.targetGroup() != null) {
            return forward(List.of(weighted(l.targetGroup(), 1)));
        }
        if (!l.forward().isEmpty()) {
            return forward(l.forward().stream().map(f -> weighted(f.targetGroup(), f.weight() == null ? 1
                    : f.weight())).toList());
        }
        Listener.FixedResponse f = l.fixedResponse();
        return f == null ? fixedResponse("404", "text/plain", null)
                : fixedResponse(String.valueOf(f.statusCode()), f.contentType() == null ? "text/plain"
                : f.contentType(), f.messageBody());
    }

    /** A redirect; what is not given keeps the request's own value, as ELBv2 does. */
    public static Map<String, Object> redirect(String protocol, String port, String host, String path, String query,
                                               Integer status) {
        return Body.of().put("type", REDIRECT).put("protocol", protocol == null ? "#{protocol}" : protocol)
                .put("port", port == null ? "#{port}" : port).put("host", host == null ? "#{host}" : host)
                .put("path", path == null ? "/#{path}" : path).put("query", query == null ? "#{query}" : query)
                .put("statusCode", "HTTP_" + (status == null ? 301 : status)).build();
    }

    /** A forward to target groups by name, sorted by name. */
    public static Map<String, Object> forward(List<Map<String, Object>> targetGroups) {
        return Body.of().put("type", FORWARD).put("targetGroups", targetGroups.stream()
                .sorted(Comparator.comparing(t -> (String) t.get("name"))).toList()).build();
    }

    public static Map<String, Object> weighted(String targetGroup, int weight) {
        return Body.of().put("name", targetGroup).put("weight", weight).build();
    }

    public static Map<String, Object> fixedResponse(String status, String contentType, String body) {
        return Body.of().put("type", FIXED_RESPONSE).put("statusCode", status).put("contentType", contentType)
                .put("messageBody", body).build();
    }
}
