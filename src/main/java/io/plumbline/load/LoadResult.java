package io.plumbline.load;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Problem;
import java.util.List;
import java.util.Map;

/**
 * Every environment file of a revision: those that loaded, and the problems of those that did not.
 *
 * @param problems by environment file; a file listed here must not be applied
 */
public record LoadResult(List<LoadedEnvironment> environments, Map<String, List<Problem>> problems) {
    public boolean ok() {
        return problems.isEmpty();
    }

    public List<Problem> allProblems() {
        return problems.values().stream().flatMap(List::stream).sorted().toList();
    }
}
