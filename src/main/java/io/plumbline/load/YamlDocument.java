package io.plumbline.load;

import com.fasterxml.jackson.databind.JsonNode;

/** One parsed YAML document, and where each of its values stands in its file. */
record YamlDocument(String file, JsonNode tree, Positions positions) {
}
