package io.plumbline.model.spec.aws;

import java.util.List;

/** An ACM certificate validated through DNS records written into {@code zone}. */
public record Certificate(String domain, List<String> alternativeNames, String validation, String zone) {
    public Certificate {
        alternativeNames = alternativeNames == null ? List.of() : List.copyOf(alternativeNames);
        validation = validation == null ? "dns" : validation;
    }
}
