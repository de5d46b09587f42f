package io.plumbline.cli;

import io.plumbline.load.LoadResult;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Problem;
import java.io.PrintWriter;
import java.util.List;

/** One problem per line, {@code file:line:col: pointer: message}, then a summary. */
final class TextReport implements ValidationReport {
    @Override
    public void print(LoadResult result, PrintWriter out) {
        List<Problem> problems = result.allProblems();
        problems.forEach(out::println);
        for (LoadedEnvironment env : result.environments()) {
            out.println("ok: " + env.file() + " (environment " + env.name() + ")");
        }
        if (!problems.isEmpty()) {
            out.printf("%d problem%s in %d file%s%n", problems.size(), problems.size() == 1 ? "" : "s",
                    result.problems().size(), result.problems().size() == 1 ? "" : "s");
        }
    }
}
