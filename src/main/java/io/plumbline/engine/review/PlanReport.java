package io.plumbline.engine.review;

import java.util.List;

/**
 * The plan of one environment at a pull-request head, as served at {@code /api/plans/{sha}}.
 *
 * @param changes     one line per change that writes, {@code + aws EcrRepository frontend}
 * @param destructive what a reviewer must not miss
 * @param error       why there is no plan (invalid input, refused), or empty
 */
public record PlanReport(String environment, String commit, String ref, String summary, List<String> changes,
                         List<String> destructive, String error) {
}
