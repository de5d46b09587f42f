package io.plumbline.provider.haproxy;

import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Printable;
import io.plumbline.model.Problem;
import io.plumbline.model.spec.haproxy.HaproxySpec;
import io.plumbline.render.haproxy.HaproxyPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The environment's HAProxy paths, resolved and held to the allowed folders before anything uses them. */
final class HaproxyLocations {
    /** The schema's {@code $defs/absolutePath}, checked again for environments that did not pass the loader. */
    private static final Pattern ABSOLUTE = Pattern.compile("^(/(?!\\.{1,2}(/|$))[A-Za-z0-9._@+-]+)+$");

    private HaproxyLocations() {
    }

    /** @throws InvalidInputException naming each declared path that lies outside the allowed folders */
    static HaproxyPaths of(LoadedEnvironment env, HaproxyOptions options) {
        HaproxySpec spec = env.environment().spec().haproxy();
        List<Problem> problems = new ArrayList<>();
        Stream.of(spec.config(), spec.masterSocket(), spec.runtimeSocket(), spec.stateFile())
                .filter(p -> p != null && !ABSOLUTE.matcher(p).matches())
                .forEach(p -> problems.add(Problem.inFile(Printable.escape(env.file()), "'" + Printable.escape(p)
                        + "' is not an absolute, normalised path of letters, digits, '.', '_', '@', '+' and '-'")));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        HaproxyPaths paths = HaproxyPaths.of(spec, options.root());
        WritableFolders folders = new WritableFolders(options.allowedFolders());
        require(env, folders, "config", paths.config(), problems);
        require(env, folders, "masterSocket", paths.masterSocket(), problems);
        require(env, folders, "runtimeSocket", paths.runtimeSocket(), problems);
        require(env, folders, "stateFile", paths.stateFile(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return paths;
    }

    private static void require(LoadedEnvironment env, WritableFolders folders, String field, Path path,
                                List<Problem> problems) {
        if (!folders.contain(path)) {
            problems.add(new Problem(Printable.escape(env.file()), 1, 1, "/spec/haproxy/" + field, path + " is outside the folders"
                    + " Plumbline may use for HAProxy (" + folders.describe() + ")"));
        }
    }
}
