package io.plumbline.model.spec.kubernetes;

import java.util.Map;

public record Sidecar(String name, String image, Integer port, Map<String, String> env, Resources resources) {
    public Sidecar {
        env = env == null ? Map.of() : Map.copyOf(env);
    }
}
