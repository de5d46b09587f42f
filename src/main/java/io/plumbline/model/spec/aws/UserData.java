package io.plumbline.model.spec.aws;

/** @param file a file of the repository, read at the commit when the environment loads */
public record UserData(String file) {
}
