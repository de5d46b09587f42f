package io.plumbline.model.spec.aws;

/** A lifecycle policy in the two forms teams use most: keep the last N images, expire untagged ones. */
public record EcrLifecycle(Integer keepLastImages, Integer expireUntaggedAfterDays) {
}
