package io.plumbline.model.spec.aws;

/** A tag of an Auto Scaling group; {@code propagateAtLaunch} copies it onto the instances the group launches. */
public record GroupTag(String key, String value, Boolean propagateAtLaunch) {
    public GroupTag {
        propagateAtLaunch = propagateAtLaunch != null && propagateAtLaunch;
    }
}
