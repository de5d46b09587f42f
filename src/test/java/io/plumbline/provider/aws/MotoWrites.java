package io.plumbline.provider.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The write calls moto received, read from its request recorder: what reached the peer, whatever the client believes
 * it sent. A call is named by its query action ({@code Action=RunInstances}), its JSON target
 * ({@code X-Amz-Target: CertificateManager.RequestCertificate}) or, for the REST services (Route53, EKS), its method
 * and path.
 */
final class MotoWrites {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACTION = Pattern.compile("(?:^|&)Action=([A-Za-z0-9]+)");

    private MotoWrites() {
    }

    static List<String> in(String recording) {
        List<String> writes = new ArrayList<>();
        for (String line : complete(recording)) {
            String call = call(line);
            if (!reads(call)) {
                writes.add(call);
            }
        }
        return writes;
    }

    private static String call(String line) {
        try {
            JsonNode entry = JSON.readTree(line);
            String target = entry.path("headers").path("X-Amz-Target").asText("");
            if (!target.isEmpty()) {
                return target.substring(target.indexOf('.') + 1);
            }
            Matcher action = ACTION.matcher(URLDecoder.decode(body(entry), StandardCharsets.UTF_8));
            if (action.find()) {
                return action.group(1);
            }
            return entry.path("method").asText() + " " + java.net.URI.create(entry.path("url").asText()).getPath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The request bodies of the recording, in the order received (empty for a request without one). */
    static List<String> bodies(String recording) {
        return complete(recording).stream().map(l -> {
            try {
                return body(JSON.readTree(l));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    /**
     * The recording's whole lines: moto appends a request's line as it takes it, so a recording read during an apply
     * may end in a line not yet written out.
     */
    private static List<String> complete(String recording) {
        int end = recording.lastIndexOf('\n');
        return end < 0 ? List.of() : recording.substring(0, end).lines().filter(l -> !l.isBlank()).toList();
    }

    private static String body(JsonNode entry) {
        String body = entry.path("body").asText("");
        return entry.path("body_encoded").asBoolean()
                ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
    }

    private static boolean reads(String call) {
        return call.startsWith("Describe") || call.startsWith("List") || call.startsWith("Get")
                || call.startsWith("GET ") || call.equals("AssumeRole");
    }
}
