package io.plumbline.diff;

import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;

/** A desired object and its actual counterpart; either side is null when missing. */
public record Pair(ResourceKey key, Resource desired, Resource actual) {
}
