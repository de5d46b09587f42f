package io.plumbline.render.kubernetes;

/**
 * Whether objects of a kind live in a namespace. The built-in kinds' scope is known here; a custom kind's only
 * the server knows (or the CustomResourceDefinition an environment declares), so a provider that can ask passes
 * its own answer to the renderer.
 */
@FunctionalInterface
public interface KindScope {
    boolean namespaced(String apiVersion, String kind);
}
