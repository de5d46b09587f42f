package io.plumbline.render.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.load.EnvironmentLoader;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Revision;
import io.plumbline.source.DirectoryFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two environments of the example repository never declare the same AWS object, nor tag an object another one
 * declares: they share an account, and each would keep putting back what the other wrote.
 */
class ExampleOwnershipTest {
    private static final Map<String, String> TAGGED_KINDS = Map.of("vpc", AwsKinds.VPC, "subnet", AwsKinds.SUBNET,
            "securityGroup", AwsKinds.SECURITY_GROUP, "autoScalingGroup", AwsKinds.AUTO_SCALING_GROUP);

    @Test
    void noObjectIsDeclaredOrTaggedByTwoEnvironments() throws Exception {
        List<LoadedEnvironment> envs = new EnvironmentLoader().loadAll(new DirectoryFiles(Path.of("example-repo"),
                Revision.WORKING_TREE)).environments().stream().filter(AwsKinds::declaredIn).toList();
        assertThat(envs).extracting(LoadedEnvironment::name).contains("production", "staging", "hopper");

        for (LoadedEnvironment a : envs) {
            for (LoadedEnvironment b : envs) {
                if (a != b) {
                    Set<String> both = new TreeSet<>(keys(a));
                    both.retainAll(keys(b));
                    assertThat(both).as("declared by %s and %s", a.name(), b.name()).isEmpty();
                    Set<String> taggedThere = new TreeSet<>(tagged(a));
                    taggedThere.retainAll(names(b));
                    assertThat(taggedThere).as("tagged by %s, declared by %s", a.name(), b.name()).isEmpty();
                }
            }
        }
    }

    private static Set<String> keys(LoadedEnvironment env) {
        return render(env).stream().map(k -> k.key().toString()).collect(Collectors.toSet());
    }

    /** Declared objects as kind and name, the way a cluster tag names its target. */
    private static Set<String> names(LoadedEnvironment env) {
        return render(env).stream().map(r -> r.key().kind() + " " + r.key().name()).collect(Collectors.toSet());
    }

    private static Set<String> tagged(LoadedEnvironment env) {
        return env.environment().spec().aws().clusterTags().stream()
                .map(t -> TAGGED_KINDS.get(t.resourceType()) + " " + t.resource()).collect(Collectors.toSet());
    }

    private static List<io.plumbline.model.Resource> render(LoadedEnvironment env) {
        return AwsRender.render(env.file(), env.environment().spec().aws(), env.files());
    }
}
