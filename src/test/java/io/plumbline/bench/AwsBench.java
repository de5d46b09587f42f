package io.plumbline.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Resource;
import io.plumbline.provider.aws.AwsBaseline;
import io.plumbline.provider.aws.AwsClients;
import io.plumbline.provider.aws.AwsProvider;
import io.plumbline.provider.aws.CallCounter;
import io.plumbline.provider.aws.Fixture;
import io.plumbline.provider.aws.MotoServer;
import io.plumbline.provider.aws.TestClients;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Calls and wall time of an AWS reconcile over 300 resources against moto: a no-op reconcile and a one-resource
 * change. Prints figures; asserts nothing.
 */
public final class AwsBench {
    private AwsBench() {
    }

    public static void main(String[] args) throws Exception {
        MotoServer moto = new MotoServer();
        moto.beforeAll(null);
        try (AwsProvider provider = new AwsProvider(moto.connection());
             AwsClients hand = TestClients.create(moto.connection())) {
            AwsBaseline.seed(hand);
            Fixture fixture = large();
            LoadedEnvironment env = fixture.environment();
            System.out.printf("resources declared: %d%n", provider.render(env).size());
            run("first apply (converge)", provider, env);
            run("no-op reconcile", provider, env);
            run("no-op reconcile (again)", provider, env);
            fixture.at("/spec/aws/dns/0/records/7").putArray("values").add("10.9.9.9");
            run("one-resource change", provider, fixture.environment());
        } finally {
            moto.afterAll(null);
        }
    }

    private static void run(String title, AwsProvider provider, LoadedEnvironment env) {
        run(title, provider, env, true);
    }

    /** One plan, applied or not, with its time and its calls by operation. */
    static void run(String title, AwsProvider provider, LoadedEnvironment env, boolean apply) {
        run(title, provider, List.of(env), apply);
    }

    /** One plan of each environment, applied or not, with the time and the calls of all of them together. */
    static void run(String title, AwsProvider provider, List<LoadedEnvironment> envs, boolean apply) {
        provider.calls().clear();
        long start = System.nanoTime();
        int changes = 0;
        long failed = 0;
        for (LoadedEnvironment env : envs) {
            List<Resource> desired = provider.render(env);
            ChangeSet plan = provider.diff(env, desired, provider.observe(env, desired));
            changes += plan.filter(c -> c.action().writes()).size();
            if (apply) {
                failed += provider.apply(env, plan).stream().filter(r -> r.result() == ObjectResult.Result.FAILED)
                        .count();
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<CallCounter.Call> calls = provider.calls().calls();
        Map<String, Long> byOperation = new TreeMap<>(calls.stream()
                .collect(Collectors.groupingBy(CallCounter.Call::toString, Collectors.counting())));
        System.out.printf("%n%s: %d ms, %d calls (%d writes), %d changes planned, %d failed%n", title, millis,
                calls.size(), provider.calls().writes().size(), changes, failed);
        byOperation.forEach((op, n) -> System.out.printf("  %-55s %d%n", op, n));
    }

    /** The production example grown to 300 resources across the kinds. */
    private static Fixture large() {
        Fixture f = Fixture.load("aws/production.yaml");
        ArrayNode repos = f.at("/spec/aws/ecr").putArray("repositories");
        for (int i = 0; i < 20; i++) {
            ObjectNode r = repos.addObject().put("name", "service-" + i).put("tagMutability", "IMMUTABLE");
            if (i < 2) {
                r.putObject("lifecycle").put("keepLastImages", 30);
            }
        }
        ObjectNode group = f.at("/spec/aws/autoscaling/groups/0");
        ArrayNode actions = group.putArray("scheduledActions");
        for (int i = 0; i < 20; i++) {
            actions.addObject().put("name", "action-" + i).put("recurrence", "0 " + i + " * * *").put("min", 1)
                    .put("max", 4).put("desired", 2);
        }
        ArrayNode policies = group.putArray("targetTracking");
        for (int i = 0; i < 5; i++) {
            policies.addObject().put("name", "cpu-" + (40 + i)).put("metric", "ASGAverageCPUUtilization")
                    .put("target", 40 + i);
        }
        for (int g = 0; g < 3; g++) {
            ArrayNode ingress = f.at("/spec/aws/securityGroups/" + g).putArray("ingress");
            for (int i = 0; i < 50; i++) {
                ingress.addObject().put("protocol", "tcp").put("port", 443).put("from", "10." + g + "." + i + ".0/24");
            }
        }
        ArrayNode records = f.at("/spec/aws/dns/0").putArray("records");
        records.addObject().put("name", "thoughts.example.com").put("type", "A").putObject("alias")
                .put("loadBalancer", "frontend-alb");
        for (int i = 0; i < 99; i++) {
            records.addObject().put("name", "host-" + i + ".example.com").put("type", "A").put("ttl", 300)
                    .putArray("values").add("10.0.1." + i);
        }
        f.tree().withObject("/spec/aws").putArray("clusterTags");
        return f;
    }
}
