package io.plumbline.model;

/**
 * One field that differs.
 *
 * @param path   where, as a dotted path with list indexes ({@code spec.template.spec.containers[0].image})
 * @param wanted the declared value, null when the field should go
 * @param found  the observed value, null when the field is missing
 */
public record FieldChange(String path, Object wanted, Object found) {
}
