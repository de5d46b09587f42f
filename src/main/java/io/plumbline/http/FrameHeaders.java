package io.plumbline.http;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Locale;

/**
 * No other site may show the service in a frame, where a visitor could be led to click what they do not see:
 * every response says so in both the current ({@code Content-Security-Policy: frame-ancestors 'none'}) and the
 * older ({@code X-Frame-Options: DENY}) way. A policy a response already carries is kept and the rule added to it.
 */
@ServerFilter("/**")
public final class FrameHeaders {
    static final String CSP = "Content-Security-Policy";
    static final String FRAME_ANCESTORS = "frame-ancestors 'none'";

    @ResponseFilter
    public void deny(MutableHttpResponse<?> response) {
        response.header("X-Frame-Options", "DENY");
        String policy = response.getHeaders().get(CSP);
        response.getHeaders().set(CSP, merged(policy));
    }

    /** The policy with {@code frame-ancestors 'none'}, replacing any frame-ancestors directive it had. */
    static String merged(String policy) {
        if (policy == null || policy.isBlank()) {
            return FRAME_ANCESTORS;
        }
        StringBuilder out = new StringBuilder();
        for (String directive : policy.split(";")) {
            String d = directive.strip();
            if (!d.isEmpty() && !d.toLowerCase(Locale.ROOT).startsWith("frame-ancestors")) {
                out.append(d).append("; ");
            }
        }
        return out.append(FRAME_ANCESTORS).toString();
    }
}
