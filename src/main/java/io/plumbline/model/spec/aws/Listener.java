package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;

/**
 * A listener and its default action: exactly one of {@code redirectTo} (shorthand for a 301 to HTTPS on that
 * port), {@code redirect}, {@code targetGroup} (shorthand for one forward of weight 1), {@code forward} or
 * {@code fixedResponse}.
 *
 * @param certificate the domain of a certificate declared in {@code certificates} (HTTPS listeners)
 * @param sslPolicy   the TLS policy of an HTTPS listener
 * @param adopt       take over a listener on this port that exists without Plumbline's marks
 */
public record Listener(int port, String protocol, Integer redirectTo, Redirect redirect, String certificate,
                       String sslPolicy, String targetGroup, List<Forward> forward, FixedResponse fixedResponse,
                       Boolean adopt) {
    public Listener {
        forward = Lists.of(forward);
        adopt = adopt != null && adopt;
    }

    /** A redirect; absent parts keep the request's own ({@code #{host}}, {@code /#{path}}, {@code #{query}}). */
    public record Redirect(String protocol, Integer port, String host, String path, String query,
                           Integer statusCode) {
    }

    /** One target group of a weighted forward. */
    public record Forward(String targetGroup, Integer weight) {
    }

    /** A fixed answer. */
    public record FixedResponse(int statusCode, String contentType, String messageBody) {
    }
}
