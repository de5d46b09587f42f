package io.plumbline.source.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.source.webhook.WebhookRejectedException.Reason;
import java.io.IOException;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** A parsed JSON payload of one event, read by dotted paths with errors that name the missing field. */
final class Payload {
    // Host payloads nest a few levels deep; a deeply nested body is an attack, not a webhook.
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String what;
    private final JsonNode root;

    private Payload(String what, JsonNode root) {
        this.what = what;
        this.root = root;
    }

    /** Parses the body of a {@code event} delivery from {@code host}, which must be a JSON object. */
    static Payload parse(GitHost host, String event, byte[] body) throws WebhookRejectedException {
        String what = host + " '" + event + "' payload";
        JsonNode root;
        try (JsonParser parser = JSON.createParser(body)) {
            root = JSON.readTree(parser);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw malformed(what + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + "; the hook must send application/json");
        } catch (IOException e) {
            throw malformed(what + " could not be read");
        }
        if (root == null || !root.isObject()) {
            throw malformed(what + " is not a JSON object");
        }
        return new Payload(what, root);
    }

    /** The text at {@code path} (e.g. {@code pull_request.head.sha}); missing, null or empty is an error. */
    String text(String path) throws WebhookRejectedException {
        return optionalText(path).orElseThrow(() -> malformed(what + " has no '" + path + "'"));
    }

    Optional<String> optionalText(String path) {
        JsonNode node = node(root, path);
        return node.isValueNode() && !node.isNull() && !node.asText().isEmpty()
                ? Optional.of(node.asText()) : Optional.empty();
    }

    /** The whole number at {@code path}. */
    long number(String path) throws WebhookRejectedException {
        JsonNode node = node(root, path);
        if (!node.canConvertToExactIntegral() || !node.canConvertToLong()) {
            throw malformed(what + " has no whole number at '" + path + "'");
        }
        return node.asLong();
    }

    /** The elements of the array at {@code path}, each readable as a payload of its own. */
    Iterable<Payload> array(String path) throws WebhookRejectedException {
        JsonNode node = node(root, path);
        if (!node.isArray()) {
            throw malformed(what + " has no list at '" + path + "'");
        }
        return () -> StreamSupport.stream(node.spliterator(), false)
                .map(element -> new Payload(what + " element of '" + path + "'", element)).iterator();
    }

    /** Whether {@code path} is absent or JSON null. */
    boolean isNull(String path) {
        JsonNode node = node(root, path);
        return node.isMissingNode() || node.isNull();
    }

    private static JsonNode node(JsonNode from, String path) {
        JsonNode node = from;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    static WebhookRejectedException malformed(String message) {
        return new WebhookRejectedException(Reason.MALFORMED, message);
    }
}
