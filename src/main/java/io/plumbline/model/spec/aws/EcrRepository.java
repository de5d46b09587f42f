package io.plumbline.model.spec.aws;

/**
 * @param tagMutability     {@code MUTABLE} or {@code IMMUTABLE}
 * @param deleteWithImages  allow deleting this repository while it still holds images
 */
public record EcrRepository(String name, String tagMutability, Boolean scanOnPush, EcrLifecycle lifecycle,
                            Boolean deleteWithImages) {
    public EcrRepository {
        tagMutability = tagMutability == null ? "MUTABLE" : tagMutability;
        scanOnPush = scanOnPush != null && scanOnPush;
        deleteWithImages = deleteWithImages != null && deleteWithImages;
    }
}
