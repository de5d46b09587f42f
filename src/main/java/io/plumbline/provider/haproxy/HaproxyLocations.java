package io.plumbline.provider.haproxy;

import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Problem;
import io.plumbline.model.spec.haproxy.HaproxySpec;
import io.plumbline.render.haproxy.HaproxyPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The environment's HAProxy paths, resolved and held to the allowed folders before anything uses them. */
final class HaproxyLocations {
    private HaproxyLocations() {
    }

    /** @throws InvalidInputException naming each declared path that lies outside the allowed folders */
    static HaproxyPaths of(LoadedEnvironment env, HaproxyOptions options) {
        HaproxySpec spec = env.environment().spec().haproxy();
        HaproxyPaths paths = HaproxyPaths.of(spec, options.root());
        WritableFolders folders = new WritableFolders(options.allowedFolders());
        List<Problem> problems = new ArrayList<>();
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
            problems.add(new Problem(env.file(), 1, 1, "/spec/haproxy/" + field, path + " is outside the folders"
                    + " Plumbline may use for HAProxy (" + folders.describe() + ")"));
        }
    }
}
