package io.plumbline.load;

import io.plumbline.model.Printable;
import io.plumbline.model.Problem;
import io.plumbline.model.RepoFiles;
import io.plumbline.model.UnreadableFileException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which entries of {@code environments/} are environment files. Their names end up in statuses, metrics and the
 * header of written files, so they are held to a plain grammar; any other entry that looks like one, an
 * unreadable folder, or a name with control characters is a problem of its own, and never hides the others.
 *
 * @param paths    the environment files to load
 * @param problems by (printable) path, for entries that are not acceptable environment files
 */
record EnvironmentFiles(List<String> paths, Map<String, List<Problem>> problems) {
    /** Where environment files live in a configuration repository. */
    static final String FOLDER = "environments";
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.ya?ml");
    static final String UNREADABLE_FOLDER = "a folder that cannot be read (no permission, or a link that leaves the"
            + " repository)";

    static EnvironmentFiles in(RepoFiles files) throws IOException {
        List<String> paths = new ArrayList<>();
        Map<String, List<Problem>> problems = new LinkedHashMap<>();
        List<String> entries;
        try {
            entries = files.list(FOLDER);
        } catch (UnreadableFileException e) {
            problems.put(FOLDER, List.of(Problem.inFile(FOLDER, e.reason())));
            return new EnvironmentFiles(paths, problems);
        }
        for (String entry : entries) {
            String name = entry.substring(FOLDER.length() + 1);
            String lower = name.toLowerCase(Locale.ROOT);
            boolean looksLikeOne = lower.endsWith(".yaml") || lower.endsWith(".yml") || Printable.hasControl(name);
            if (name.endsWith("/")) {
                problem(problems, entry, UNREADABLE_FOLDER);
            } else if (NAME.matcher(name).matches()) {
                paths.add(entry);
            } else if (looksLikeOne) {
                problem(problems, entry, "not an environment file name: environment files are named with lower-case"
                        + " letters, digits and '-' and end in .yaml or .yml, directly under " + FOLDER + "/");
            }
        }
        if (paths.isEmpty() && problems.isEmpty()) {
            problems.put(FOLDER, List.of(Problem.inFile(FOLDER,
                    "no environment files (*.yaml) found under " + FOLDER + "/")));
        }
        return new EnvironmentFiles(paths, problems);
    }

    private static void problem(Map<String, List<Problem>> problems, String entry, String message) {
        String file = Printable.escape(entry);
        problems.put(file, List.of(Problem.inFile(file, message)));
    }
}
