package io.plumbline.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image as written in an environment file, {@code [registry/]repository[:tag][@digest]}, split into
 * its parts the way a container runtime reads it.
 *
 * @param registry   the registry host (with port), or empty for the default registry
 * @param repository the path inside the registry, {@code frontend} or {@code team/frontend}
 * @param tag        the tag, or empty when the reference has none
 * @param digest     {@code sha256:...}, or empty
 */
public record ImageReference(String registry, String repository, String tag, String digest) {
    private static final Pattern ECR = Pattern.compile("^([0-9]{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?$");

    public static ImageReference parse(String image) {
        String rest = image;
        String digest = "";
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = "";
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String registry = "";
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        return new ImageReference(registry, rest, tag, digest);
    }

    /** The tag a runtime pulls: the one written, or {@code latest} when there is neither tag nor digest. */
    public String effectiveTag() {
        return tag.isEmpty() && digest.isEmpty() ? "latest" : tag;
    }

    /** When the registry is an ECR registry: its account id and region. */
    public Optional<Ecr> ecr() {
        Matcher m = ECR.matcher(registry);
        return m.matches() ? Optional.of(new Ecr(m.group(1), m.group(2))) : Optional.empty();
    }

    /** An ECR registry's account and region. */
    public record Ecr(String accountId, String region) {
    }

    @Override
    public String toString() {
        return (registry.isEmpty() ? "" : registry + "/") + repository + (tag.isEmpty() ? "" : ":" + tag)
                + (digest.isEmpty() ? "" : "@" + digest);
    }
}
