package io.plumbline.model.spec.aws;

/**
 * @param redirectTo  answer with a 301 to HTTPS on this port (HTTP listeners)
 * @param certificate the domain of a certificate declared in {@code certificates} (HTTPS listeners)
 * @param sslPolicy   the TLS policy of an HTTPS listener
 * @param targetGroup the target group requests are forwarded to, when not redirected
 */
public record Listener(int port, String protocol, Integer redirectTo, String certificate, String sslPolicy,
                       String targetGroup) {
}
