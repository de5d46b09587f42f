package io.plumbline.bench;

import io.plumbline.load.EnvironmentLoader;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Revision;
import io.plumbline.provider.aws.AwsBaseline;
import io.plumbline.provider.aws.AwsClients;
import io.plumbline.provider.aws.AwsProvider;
import io.plumbline.provider.aws.MotoServer;
import io.plumbline.provider.aws.TestClients;
import io.plumbline.source.DirectoryFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * Calls, writes and wall time of the example's hopper and production environments together against moto, on the
 * account the demo starts from (the EKS system, nothing of hopper): the first apply, then a no-op plan. Both files are
 * loaded from example-repo by the real loader. Prints figures; asserts nothing.
 */
public final class HopperBench {
    private static final List<String> ENVIRONMENTS = List.of("hopper", "production");

    private HopperBench() {
    }

    public static void main(String[] args) throws Exception {
        List<LoadedEnvironment> envs = new EnvironmentLoader().loadAll(new DirectoryFiles(Path.of("example-repo"),
                Revision.WORKING_TREE)).environments().stream().filter(e -> ENVIRONMENTS.contains(e.name())).toList();
        MotoServer moto = MotoServer.withBionicImage(envs.get(0).environment().spec().aws().accountId());
        moto.beforeAll(null);
        try (AwsProvider provider = new AwsProvider(moto.connection());
             AwsClients hand = TestClients.create(moto.connection())) {
            AwsBaseline.seedForExample(hand);
            for (LoadedEnvironment env : envs) {
                System.out.printf("%s: %d resources declared%n", env.name(), provider.render(env).size());
            }
            AwsBench.run("first apply (hopper from nothing, production on its EKS account)", provider, envs, true);
            AwsBench.run("no-op plan", provider, envs, false);
            AwsBench.run("no-op plan (again)", provider, envs, false);
        } finally {
            moto.afterAll(null);
        }
    }
}
