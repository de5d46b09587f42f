package io.plumbline.model;

import io.plumbline.model.spec.Environment;
import java.util.List;
import java.util.Map;

/**
 * An environment that loaded and validated completely: only these reach render and apply.
 *
 * @param file      the environment file's path in the repository
 * @param manifests the objects of its raw manifest folders, in file order
 * @param files     the text of the other repository files it names (IAM policy documents, launch template user
 *                  data, SOPS-encrypted files), by path, as read and checked at load at the same revision
 * @param secrets   its secret references: fingerprints only as loaded, values once the apply path resolved them
 */
public record LoadedEnvironment(String file, Environment environment, List<RawManifest> manifests, Revision revision,
                                Map<String, String> files, SecretValues secrets) {
    public LoadedEnvironment {
        manifests = List.copyOf(manifests);
        files = Map.copyOf(files);
        secrets = secrets == null ? SecretValues.NONE : secrets;
    }

    /** An environment without secret references. */
    public LoadedEnvironment(String file, Environment environment, List<RawManifest> manifests, Revision revision,
                             Map<String, String> files) {
        this(file, environment, manifests, revision, files, SecretValues.NONE);
    }

    /** The same environment with its secret references resolved (or sealed again). */
    public LoadedEnvironment withSecrets(SecretValues values) {
        return new LoadedEnvironment(file, environment, manifests, revision, files, values);
    }

    /** An environment that names no repository files. */
    public LoadedEnvironment(String file, Environment environment, List<RawManifest> manifests, Revision revision) {
        this(file, environment, manifests, revision, Map.of());
    }

    public String name() {
        return environment.name();
    }
}
