package io.plumbline.model.spec.kubernetes;

/**
 * One entry of {@code spec.kubernetes.allow}: what raw manifests may write beyond the default (namespaced kinds
 * in the environment's own namespaces).
 *
 * @param kind      {@code group/Kind} ({@code Kind} alone for the core group), or {@code *}; absent: any kind
 * @param namespace a namespace the kind may be written in; absent: the kind is cluster-scoped
 */
public record Allow(String kind, String namespace) {
}
