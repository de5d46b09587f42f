package io.plumbline.provider.aws.ecr;

import io.plumbline.provider.aws.AwsMarks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.ecr.model.Repository;

/**
 * The repositories of the account by the environment whose marks they carry ({@code plumbline:environment} and
 * {@code plumbline:managed=true}, {@code shared} or not), built once from the listing and the tags of every
 * repository: an environment's check then looks up its own, however many repositories the others have.
 */
final class MarkedRepositories {
    /** A repository and its tags as they were read. */
    record Marked(Repository repository, Map<String, String> tags) {
    }

    private final Map<String, List<Marked>> byEnvironment;

    private MarkedRepositories(Map<String, List<Marked>> byEnvironment) {
        this.byEnvironment = byEnvironment;
    }

    static MarkedRepositories of(Collection<Repository> repositories, Function<Repository, Map<String, String>> tags) {
        Map<String, List<Marked>> byEnvironment = new HashMap<>();
        for (Repository repo : repositories) {
            Map<String, String> read = tags.apply(repo);
            String environment = AwsMarks.of(read);
            if (environment != null) {
                byEnvironment.computeIfAbsent(environment, e -> new ArrayList<>()).add(new Marked(repo, read));
            }
        }
        return new MarkedRepositories(byEnvironment);
    }

    /** The repositories carrying the marks of {@code environment}. */
    List<Marked> of(String environment) {
        return byEnvironment.getOrDefault(environment, List.of());
    }
}
