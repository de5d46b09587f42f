package io.plumbline.bench;

import io.plumbline.cli.Main;
import io.plumbline.cli.PlanCounts;
import io.plumbline.importer.Adoptions;
import io.plumbline.importer.ImportedFiles;
import io.plumbline.importer.ImportedPart;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Resource;
import io.plumbline.provider.aws.AwsBaseline;
import io.plumbline.provider.aws.AwsClients;
import io.plumbline.provider.aws.AwsImport;
import io.plumbline.provider.aws.AwsImportScope;
import io.plumbline.provider.aws.AwsProvider;
import io.plumbline.provider.aws.CallCounter;
import io.plumbline.provider.aws.HandMadeAccount;
import io.plumbline.provider.aws.MotoServer;
import io.plumbline.provider.aws.TestClients;
import io.plumbline.provider.haproxy.HandWrittenConfig;
import io.plumbline.provider.haproxy.HaproxyImport;
import io.plumbline.provider.haproxy.HaproxyOptions;
import io.plumbline.provider.haproxy.HaproxyProvider;
import io.plumbline.provider.haproxy.LocalHaproxy;
import io.plumbline.provider.haproxy.TestBackends;
import io.plumbline.render.haproxy.HaproxyPaths;
import io.plumbline.model.Marks;
import io.plumbline.testing.ControlPlane;
import io.plumbline.testing.HandMadeObjects;
import io.plumbline.testing.Ports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The import's three round trips: objects imported per kind, the import's time, and the changes of the first plan
 * beyond adoption (goal 0) and of the plan after the apply (goal 0). AWS on moto seeded with hopper built by hand and
 * the EKS system, Kubernetes on the real control plane, HAProxy on a real haproxy. Prints figures; asserts nothing.
 * {@code ./scripts/bench Import [aws] [haproxy] [kubernetes]}.
 */
public final class ImportBench {
    private ImportBench() {
    }

    /** @param args the round trips to run ({@code aws}, {@code haproxy}, {@code kubernetes}); all without */
    public static void main(String[] args) throws Exception {
        List<String> asked = args.length == 0 ? List.of("aws", "haproxy", "kubernetes") : List.of(args);
        if (asked.contains("aws")) {
            aws();
        }
        if (asked.contains("haproxy")) {
            haproxy();
        }
        if (asked.contains("kubernetes")) {
            kubernetes();
        }
    }

    private static void aws() throws Exception {
        MotoServer moto = new MotoServer();
        moto.beforeAll(null);
        Path repo = Files.createTempDirectory("import-aws");
        try (AwsProvider provider = new AwsProvider(moto.connection(), Duration.ZERO);
             AwsClients hand = TestClients.create(moto.connection())) {
            // a first call wakes moto up: a create that waits on it would be sent again and make a second VPC
            hand.ec2().describeVpcs();
            AwsBaseline.Seeded seeded = AwsBaseline.seed(hand);
            HandMadeAccount.add(hand, seeded);
            CallCounter calls = new CallCounter();
            long start = System.nanoTime();
            ImportedPart part = AwsImport.read(moto.connection(), new AwsImportScope("us-west-2", seeded.vpcId(), null,
                    Map.of("team", "platform"), List.of("example.com")), "hopper", calls);
            long took = System.nanoTime() - start;
            LoadedEnvironment env = ImportedFiles.writeAndLoad(repo, "hopper", part);
            ChangeSet first = plan(provider, env);
            provider.apply(env, first);
            ChangeSet after = plan(provider, env);
            first.filter(c -> c.action().writes() && !Adoptions.onlyMarks(c)).forEach(c -> System.out.println(
                    "  beyond adoption: " + c.action() + " " + c.key() + " " + c.fields()));
            report("AWS (moto, hopper by hand)", part, took, calls.calls().size() + " calls, " + calls.writes().size()
                    + " writes", first.filter(c -> c.action().writes() && !Adoptions.onlyMarks(c)).size(),
                    first.filter(Adoptions::onlyMarks).size(), after.filter(c -> c.action().writes()).size());
        } finally {
            moto.afterAll(null);
        }
    }

    private static ChangeSet plan(AwsProvider provider, LoadedEnvironment env) {
        List<Resource> desired = provider.render(env);
        return provider.diff(env, desired, provider.observe(env, desired));
    }

    private static void haproxy() throws Exception {
        Path root = Files.createTempDirectory("import-haproxy");
        Path repo = Files.createTempDirectory("import-haproxy-repo");
        int frontend = Ports.free();
        try (TestBackends backends = new TestBackends("s1", "s2")) {
            Path config = root.resolve("etc/haproxy/haproxy.cfg");
            Files.createDirectories(config.getParent());
            Files.createDirectories(root.resolve("var/lib/haproxy"));
            Files.writeString(config, HandWrittenConfig.text(root, frontend, Ports.free(), backends));
            long start = System.nanoTime();
            ImportedPart part = HaproxyImport.read("/etc/haproxy/haproxy.cfg", Files.readString(config),
                    "/run/haproxy/master.sock", root.toString());
            long took = System.nanoTime() - start;
            LoadedEnvironment env = ImportedFiles.writeAndLoad(repo, "edge", part);
            HaproxyPaths paths = HaproxyPaths.of(env.environment().spec().haproxy(), root);
            try (LocalHaproxy haproxy = LocalHaproxy.start(HaproxyOptions.DEFAULT_BINARY, paths)) {
                HaproxyProvider provider = new HaproxyProvider(new HaproxyOptions(null, root, Duration.ofSeconds(20),
                        Duration.ofSeconds(20)));
                ChangeSet first = plan(provider, env);
                long servers = first.filter(c -> c.action().writes() && !c.key().kind().equals("Config")).size();
                Files.writeString(config, Marks.HAPROXY_HEADER + "\n" + Files.readString(config));
                provider.apply(env, plan(provider, env));
                ChangeSet after = plan(provider, env);
                report("HAProxy (real haproxy, hand-written file)", part, took, part.leftOut().size()
                        + " lines left out; the configuration file itself is rewritten in Plumbline's form",
                        (int) servers, first.filter(c -> c.action().writes()).size() - (int) servers,
                        after.filter(c -> c.action().writes()).size());
            }
        }
    }

    private static ChangeSet plan(HaproxyProvider provider, LoadedEnvironment env) {
        List<Resource> desired = provider.render(env);
        return provider.diff(env, desired, provider.observe(env, desired));
    }

    private static void kubernetes() throws Exception {
        try (ControlPlane plane = ControlPlane.start(false)) {
            String namespace = ControlPlane.uniqueNamespace();
            HandMadeObjects.create(plane.client(), namespace);
            Path repo = Files.createTempDirectory("import-kubernetes");
            String kubeconfig = plane.kubeconfig().toString();
            long start = System.nanoTime();
            Run imported = run("import", "--name", "shop", "--namespace", namespace, "--repo", repo.toString(),
                    "--kubeconfig", kubeconfig);
            long took = System.nanoTime() - start;
            Run first = run("plan", "--repo", repo.toString(), "--env", "shop", "--kubeconfig", kubeconfig,
                    "--output", "json");
            run("apply", "--repo", repo.toString(), "--env", "shop", "--kubeconfig", kubeconfig);
            Run after = run("plan", "--repo", repo.toString(), "--env", "shop", "--kubeconfig", kubeconfig,
                    "--output", "json");
            System.out.printf("%n== Kubernetes (control plane, hand-made namespace)%nimport: exit %d, %d ms%n%s",
                    imported.code(), took / 1_000_000, imported.err());
            List<String> beyond = PlanCounts.beyondMarks(first.out());
            System.out.printf("first plan: %d changes beyond adoption %s, %d adoptions; plan after apply: %d changes%n",
                    beyond.size(), beyond, PlanCounts.writes(first.out()) - beyond.size(),
                    PlanCounts.writes(after.out()));
        }
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static void report(String title, ImportedPart part, long nanos, String note, int beyondAdoption,
                               int adoptions, int afterApply) {
        System.out.printf("%n== %s%nimport: %d ms (%s)%n", title, nanos / 1_000_000, note);
        part.counts().forEach((kind, n) -> System.out.printf("  %s: %d%n", kind, n));
        System.out.printf("first plan: %d changes beyond adoption, %d adoptions; plan after apply: %d changes%n",
                beyondAdoption, adoptions, afterApply);
    }
}
