package io.plumbline.model.spec.kubernetes;

import io.plumbline.model.spec.Lists;
import java.util.Map;

public record Sidecar(String name, String image, Integer port, Map<String, String> env, Resources resources) {
    public Sidecar {
        env = Lists.of(env);
    }
}
