package io.plumbline.model.spec.aws;

import java.util.List;

public record Ecr(List<EcrRepository> repositories) {
    public Ecr {
        repositories = repositories == null ? List.of() : List.copyOf(repositories);
    }
}
