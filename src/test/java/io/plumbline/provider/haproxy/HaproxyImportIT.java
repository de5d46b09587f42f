package io.plumbline.provider.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.importer.ImportedFiles;
import io.plumbline.importer.ImportedPart;
import io.plumbline.model.Action;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Marks;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Resource;
import io.plumbline.render.haproxy.HaproxyPaths;
import io.plumbline.testing.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip on a real haproxy running a hand-written configuration: the import names what the typed form
 * cannot hold; the first plan changes no server (only the file, which Plumbline rewrites in its own form once the
 * team hands it over with the header line); the apply reloads without changing a server's state, weight or address,
 * the same servers answer, and the next plan is empty.
 */
class HaproxyImportIT {
    @TempDir
    Path root;

    @TempDir
    Path repo;

    @Test
    void aHandWrittenConfigurationIsImportedAndTakenOverWithoutChangingAServer() throws Exception {
        int frontend = Ports.free();
        int stats = Ports.free();
        try (TestBackends backends = new TestBackends("s1", "s2")) {
            Path config = root.resolve("etc/haproxy/haproxy.cfg");
            Files.createDirectories(config.getParent());
            Files.createDirectories(root.resolve("var/lib/haproxy"));
            Files.writeString(config, HandWrittenConfig.text(root, frontend, stats, backends));
            ImportedPart part = HaproxyImport.read("/etc/haproxy/haproxy.cfg", Files.readString(config),
                    "/run/haproxy/master.sock", root.toString());
            assertThat(part.leftOut()).extracting(l -> l.what()).containsExactly(
                    "haproxy /etc/haproxy/haproxy.cfg:7 [global] log stdout format raw local0",
                    "haproxy /etc/haproxy/haproxy.cfg:14 [defaults] option httplog",
                    "haproxy /etc/haproxy/haproxy.cfg:25 [backend app] http-request set-header X-Team shop");
            assertThat(part.counts()).containsEntry("frontend", 1).containsEntry("backend", 1).containsEntry("server", 2);
            LoadedEnvironment env = ImportedFiles.writeAndLoad(repo, "edge", part);
            assertThat(Files.readString(repo.resolve("environments/edge.yaml"))).contains(
                    "runtimeSocket: /run/haproxy/admin.sock", "connectTimeout: 5000ms",
                    "routes:", "{backend: app, host: app.example.com}");

            HaproxyPaths paths = HaproxyPaths.of(env.environment().spec().haproxy(), root);
            try (LocalHaproxy haproxy = LocalHaproxy.start(HaproxyOptions.DEFAULT_BINARY, paths)) {
                HaproxyProvider provider = new HaproxyProvider(new HaproxyOptions(null, root, Duration.ofSeconds(20),
                        Duration.ofSeconds(20)));
                Set<String> before = answers(frontend);
                assertThat(before).containsExactlyInAnyOrder("s1", "s2");
                ChangeSet first = plan(provider, env);
                assertThat(first.filter(c -> !c.key().kind().equals(io.plumbline.render.haproxy.HaproxyResources.CONFIG)
                        && c.action() != Action.NOOP)).as("no server changes").isEmpty();
                assertThat(first.with(Action.UPDATE)).singleElement()
                        .satisfies(c -> assertThat(c.key().name()).isEqualTo("/etc/haproxy/haproxy.cfg"));

                // the team hands the file over; until then apply refuses to overwrite it
                Files.writeString(config, Marks.HAPROXY_HEADER + "\n" + Files.readString(config));
                List<ObjectResult> applied = provider.apply(env, plan(provider, env));
                assertThat(applied).noneMatch(r -> r.result() == ObjectResult.Result.FAILED);
                assertThat(plan(provider, env).hasWrites()).isFalse();
                assertThat(new RuntimeApi(paths.runtimeSocket()).servers()).extracting(LiveServer::name,
                        LiveServer::state, LiveServer::weight).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("s1", "ready", 1),
                        org.assertj.core.groups.Tuple.tuple("s2", "ready", 2));
                assertThat(answers(frontend)).isEqualTo(before);
            }
        }
    }

    private static ChangeSet plan(HaproxyProvider provider, LoadedEnvironment env) {
        List<Resource> desired = provider.render(env);
        return provider.diff(env, desired, provider.observe(env, desired));
    }

    private static Set<String> answers(int port) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Set<String> out = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            out.add(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        }
        return out;
    }
}
