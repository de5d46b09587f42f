package io.plumbline.model;

import java.util.Map;

/** One object from a raw manifest folder, applied as it is; {@code file:line} say where it came from. */
public record RawManifest(String file, int line, Map<String, Object> object) {
}
