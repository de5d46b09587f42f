package io.plumbline.model.spec.haproxy;

public record Global(Integer maxconn, Integer nbthread) {
}
