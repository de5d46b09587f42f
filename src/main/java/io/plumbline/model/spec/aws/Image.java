package io.plumbline.model.spec.aws;

/**
 * A machine image: by {@code id}, or by a {@code name} filter ({@code *} wildcards) and the account that owns it,
 * resolved at apply time to the newest match.
 */
public record Image(String id, String name, String owner) {
}
