package io.plumbline.model.spec.aws;

import java.util.Map;

/**
 * A policy document given one of three ways (the schema admits exactly one).
 *
 * @param service  for a trust policy only: the service principal allowed to assume the role, such as
 *                 {@code ec2.amazonaws.com}
 * @param document the document inline, as a mapping
 * @param file     the path of a JSON document in the repository, read and checked when the environment loads
 */
public record PolicySource(String service, Map<String, Object> document, String file) {
}
