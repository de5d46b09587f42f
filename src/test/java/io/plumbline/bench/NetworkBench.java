package io.plumbline.bench;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.provider.aws.AwsProvider;
import io.plumbline.provider.aws.Fixture;
import io.plumbline.provider.aws.MotoServer;

/**
 * Calls, writes and wall time of the hopper network and its security groups against moto: the first apply on an
 * empty account, a no-op plan and a no-op reconcile. Prints figures; asserts nothing.
 */
public final class NetworkBench {
    private NetworkBench() {
    }

    public static void main(String[] args) throws Exception {
        MotoServer moto = new MotoServer();
        moto.beforeAll(null);
        try (AwsProvider provider = new AwsProvider(moto.connection())) {
            LoadedEnvironment env = Fixture.load("aws/hopper.yaml").environment();
            System.out.printf("resources declared: %d%n", provider.render(env).size());
            AwsBench.run("first apply (empty account)", provider, env, true);
            AwsBench.run("no-op plan", provider, env, false);
            AwsBench.run("no-op reconcile", provider, env, true);
        } finally {
            moto.afterAll(null);
        }
    }
}
