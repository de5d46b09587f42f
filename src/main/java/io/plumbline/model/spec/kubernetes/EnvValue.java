package io.plumbline.model.spec.kubernetes;

import io.plumbline.model.spec.SecretRef;

/**
 * One environment variable of an application: a plain {@code value} written in the environment file, or a
 * {@code secret} reference resolved only when applying (see {@link SecretRef}).
 */
public record EnvValue(String value, SecretRef secret) {
    public static EnvValue of(String value) {
        return new EnvValue(value, null);
    }

    /** A plain value: how a string binds (a data binder finds {@code valueOf(String)} on its own). */
    public static EnvValue valueOf(String value) {
        return of(value);
    }

    public boolean isSecret() {
        return secret != null;
    }
}
