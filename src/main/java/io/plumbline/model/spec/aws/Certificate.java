package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;

/** An ACM certificate validated through DNS records written into {@code zone}. */
public record Certificate(String domain, List<String> alternativeNames, String validation, String zone) {
    public Certificate {
        alternativeNames = Lists.of(alternativeNames);
        validation = validation == null ? "dns" : validation;
    }
}
