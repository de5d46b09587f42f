package io.plumbline.source;

import io.plumbline.model.Printable;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;

/**
 * Which names a branch Plumbline pushes may have: git's own rules ({@code git check-ref-format --branch}), as JGit
 * holds them, and neither {@code HEAD} (which git reads as the current commit) nor a name starting with {@code -}
 * (which a command line reads as an option).
 */
public final class BranchNames {
    static final String RULE = "a branch name git accepts (git check-ref-format --branch): not HEAD or '@', not "
            + "starting with '-', no '..', '@{', space, '~', '^', ':', '?', '*', '[' or '\\', no part starting with '.' or "
            + "ending with '.lock', not ending with '/' or '.'";

    private BranchNames() {
    }

    /** What is wrong with {@code name} as a branch, or empty when git would take it. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty() || name.equals("HEAD") || name.equals("@") || name.startsWith("-")
                || !Repository.isValidRefName("refs/heads/" + name)
                // git refuses '.lock' at the end of any part, JGit only at the end of the whole name
                || Arrays.stream(name.split("/")).anyMatch(part -> part.endsWith(".lock"))) {
            return Optional.of("'" + Printable.escape(String.valueOf(name)) + "' is not " + RULE);
        }
        return Optional.empty();
    }
}
