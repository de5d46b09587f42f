package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;

public record Ecr(List<EcrRepository> repositories) {
    public Ecr {
        repositories = Lists.of(repositories);
    }
}
