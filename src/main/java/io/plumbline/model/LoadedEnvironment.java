package io.plumbline.model;

import io.plumbline.model.spec.Environment;
import java.util.List;

/**
 * An environment that loaded and validated completely: only these reach render and apply.
 *
 * @param file      the environment file's path in the repository
 * @param manifests the objects of its raw manifest folders, in file order
 */
public record LoadedEnvironment(String file, Environment environment, List<RawManifest> manifests, Revision revision) {
    public LoadedEnvironment {
        manifests = List.copyOf(manifests);
    }

    public String name() {
        return environment.name();
    }
}
