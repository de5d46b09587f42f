package io.plumbline.model.spec.kubernetes;

public record Resources(Quantities requests, Quantities limits) {
}
