package io.plumbline.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.Printable;
import io.plumbline.model.Problem;
import java.io.IOException;

/**
 * Reads a JSON file as a document with positions, as {@link YamlReader} does for YAML, so schema problems of a
 * JSON file name its line and column. Duplicate keys are refused: which one counts would be a guess. So is a
 * second document after the first: a reader would see both, while only the first would be applied.
 */
final class JsonPositions {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper JSON = new ObjectMapper(FACTORY);

    private JsonPositions() {
    }

    static YamlDocument read(String file, String text) {
        try {
            Positions positions = new Positions();
            try (JsonParser parser = FACTORY.createParser(text)) {
                int depth = 0;
                boolean read = false;
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (depth == 0 && read) {
                        JsonLocation at = parser.currentTokenLocation();
                        throw new InvalidInputException(new Problem(file, at.getLineNr(), at.getColumnNr(), "",
                                "a second JSON document begins here; the file must hold exactly one"));
                    }
                    record(parser, token, positions);
                    depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
                    read |= depth == 0;
                }
            }
            JsonNode tree = JSON.readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw new InvalidInputException(Problem.inFile(file, "the file is empty; expected a JSON document"));
            }
            return new YamlDocument(file, tree, positions);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidInputException(new Problem(file, at == null ? 1 : Math.max(1, at.getLineNr()),
                    at == null ? 1 : Math.max(1, at.getColumnNr()), "", "not valid JSON: "
                    + Printable.escape(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InvalidInputException(Problem.inFile(file, "cannot be read: " + Printable.escape(
                    String.valueOf(e.getMessage()))));
        }
    }

    private static void record(JsonParser parser, JsonToken token, Positions positions) {
        JsonLocation at = parser.currentTokenLocation();
        JsonStreamContext context = parser.getParsingContext();
        if (token == JsonToken.FIELD_NAME) {
            positions.key(context.pathAsPointer().toString(), at.getLineNr(), at.getColumnNr());
        } else if (token.isStructStart()) {
            // The new object or array's own context has no name yet: its place is its parent's current one.
            positions.value(context.getParent().pathAsPointer().toString(), at.getLineNr(), at.getColumnNr());
        } else if (token.isScalarValue()) {
            positions.value(context.pathAsPointer().toString(), at.getLineNr(), at.getColumnNr());
        }
    }
}
