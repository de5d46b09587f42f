package io.plumbline.model.spec.aws;

/** @param desired the initial size only: once an autoscaler moves it within [min, max] it is not drift */
public record Nodegroup(String name, int min, int max, Integer desired) {
}
