package io.plumbline.engine.loop;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Problem;
import io.plumbline.model.Revision;
import java.util.List;

/**
 * The newest state Git asks of one environment: the environment as loaded, or the problems that kept its file
 * from loading (then nothing of that environment is applied or healed until a commit fixes it).
 *
 * @param environment null when the file did not load
 */
record Desired(String name, String file, Revision revision, LoadedEnvironment environment, List<Problem> problems) {
    Desired {
        problems = List.copyOf(problems);
    }

    static Desired loaded(LoadedEnvironment env) {
        return new Desired(env.name(), env.file(), env.revision(), env, List.of());
    }

    static Desired invalid(String name, String file, Revision revision, List<Problem> problems) {
        return new Desired(name, file, revision, null, problems);
    }

    boolean valid() {
        return environment != null;
    }

    /** Whether both ask the same of the environment (its file and manifests), at whatever commits. */
    boolean sameContent(Desired other) {
        return valid() && other.valid()
                ? environment.environment().equals(other.environment.environment())
                        && environment.manifests().equals(other.environment.manifests())
                : !valid() && !other.valid() && problems.equals(other.problems);
    }

    String commit() {
        return revision.commit();
    }
}
