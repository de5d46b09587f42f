package io.plumbline.load;

/**
 * What a YAML file may cost us. Environment files are small; anything near these limits is a mistake or
 * an attack (alias bombs, absurd nesting), and is refused before it is expanded.
 */
public record YamlLimits(int maxBytes, int maxDepth, int maxAliases, int maxValues) {
    public static final YamlLimits DEFAULT = new YamlLimits(1024 * 1024, 40, 50, 100_000);
}
