package io.plumbline.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Gitea on 127.0.0.1, the forge peer of the tests: SQLite, no other service, its webhooks allowed to reach
 * loopback. The binary comes from {@code scripts/gitea-peer-build}, found through {@code PLUMBLINE_GITEA_PEER} (set
 * by {@code scripts/setup}) or the build's default cache folder; Gitea reads its {@code options/} and
 * {@code templates/} from there too.
 *
 * <p>Tests share one forge per JVM ({@link #shared()}), started on first use and stopped when the JVM exits. It
 * has three users, each with a token: {@link #admin()}, who owns the repositories tests make; {@link #team()},
 * who may write to them as a collaborator; and {@link #outsider()}, who may only fork. Each test makes its own
 * repository ({@link #createRepository}), so tests never see each other's commits, hooks or pull requests.
 */
public final class Gitea implements AutoCloseable {
    public static final String VERSION = "v1.26.0";
    private static final String DEFAULT_PEER = ".cache/plumbline/gitea-" + VERSION;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "forge-password-0123456789";
    private static Gitea shared;

    /** A user of the forge and an API token of theirs with every scope. */
    public record User(String name, String token) {
        /** The HTTP(S) address of a repository with this user's token in it, for {@code git push}. */
        public String cloneUrl(Gitea forge, String repository) {
            URI base = URI.create(forge.url());
            return base.getScheme() + "://" + name + ":" + token + "@" + base.getAuthority() + "/" + repository
                    + ".git";
        }
    }

    private final Path home;
    private final Path dir;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private User admin;
    private User team;
    private User outsider;

    private Gitea(Path home, Path dir, int port) {
        this.home = home;
        this.dir = dir;
        this.port = port;
    }

    /** The forge every test of this JVM uses; started on the first call (a few seconds). */
    public static synchronized Gitea shared() {
        if (shared == null) {
            Gitea forge = start();
            Runtime.getRuntime().addShutdownHook(new Thread(forge::close, "gitea-stop"));
            shared = forge;
        }
        return shared;
    }

    /** A forge of its own, for a benchmark or a test that stops it. */
    public static Gitea start() {
        if (!available()) {
            throw new IllegalStateException("the Gitea peer is not built in " + candidateHome()
                    + ": run scripts/gitea-peer-build (about 6 to 15 minutes once per machine; scripts/test runs it)");
        }
        try {
            Gitea forge = new Gitea(candidateHome(), Files.createTempDirectory("plumbline-gitea-"), Ports.free());
            forge.boot();
            return forge;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Gitea", e);
        }
    }

    /** Whether the forge is built, so a demo can use it instead of git notes. */
    public static boolean available() {
        Path home = candidateHome();
        return Files.isExecutable(home.resolve("bin/gitea")) && Files.isDirectory(home.resolve("options/locale"));
    }

    private static Path candidateHome() {
        String fromEnv = System.getenv("PLUMBLINE_GITEA_PEER");
        return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv)
                : Path.of(System.getProperty("user.home")).resolve(DEFAULT_PEER);
    }

    private void boot() throws IOException {
        Files.writeString(config(), appIni());
        web();
        // The first user, an administrator, can only be made from the command line; the others through the API.
        run(List.of(bin(), "admin", "user", "create", "--config", config().toString(), "--work-path", dir.toString(),
                "--username", "forge-admin", "--password", PASSWORD, "--email", "admin@forge.test", "--admin",
                "--must-change-password=false"));
        admin = new User("forge-admin", token("forge-admin", List.of("all")));
        team = user("team");
        outsider = user("outsider");
    }

    private void web() throws IOException {
        process = new ProcessBuilder(bin(), "web", "--config", config().toString(), "--work-path", dir.toString())
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("gitea.log").toFile())).start();
        await("Gitea ready").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> alive() && send("GET", "/api/healthz", null, null).statusCode() == 200);
    }

    /** Stops the forge, keeping its data: its port refuses connections until {@link #restart()}. */
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** Starts the stopped forge again, on the same port with the same data, and waits until it answers. */
    public void restart() {
        try {
            web();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart Gitea", e);
        }
    }

    private String appIni() {
        String secret = UUID.randomUUID().toString().replace("-", "");
        // Gitea refuses to run as root unless told so by the first line of its configuration.
        return """
                I_AM_BEING_UNSAFE_RUNNING_AS_ROOT = true
                APP_NAME = plumbline-forge
                RUN_MODE = prod
                WORK_PATH = %1$s

                [server]
                PROTOCOL = http
                HTTP_ADDR = 127.0.0.1
                HTTP_PORT = %2$d
                ROOT_URL = http://127.0.0.1:%2$d/
                STATIC_ROOT_PATH = %3$s
                APP_DATA_PATH = %1$s/data
                DISABLE_SSH = true
                START_SSH_SERVER = false
                OFFLINE_MODE = true
                LFS_START_SERVER = false

                [database]
                DB_TYPE = sqlite3
                PATH = %1$s/data/gitea.db
                SQLITE_JOURNAL_MODE = WAL

                [repository]
                ROOT = %1$s/repositories
                DEFAULT_BRANCH = main

                [security]
                INSTALL_LOCK = true
                SECRET_KEY = %4$s
                INTERNAL_TOKEN = %4$s%4$s

                [oauth2]
                ENABLED = false

                [service]
                DISABLE_REGISTRATION = true
                DEFAULT_ALLOW_CREATE_ORGANIZATION = false

                [webhook]
                ALLOWED_HOST_LIST = loopback
                DELIVER_TIMEOUT = 5

                [queue]
                TYPE = channel

                [indexer]
                ISSUE_INDEXER_TYPE = db
                REPO_INDEXER_ENABLED = false

                [session]
                PROVIDER = memory

                [cache]
                ADAPTER = memory

                [cron]
                ENABLED = false

                [mailer]
                ENABLED = false

                [actions]
                ENABLED = false

                [log]
                MODE = file
                LEVEL = Warn
                ROOT_PATH = %1$s/log
                """.formatted(dir, port, home, secret);
    }

    private User user(String name) {
        api(admin, "POST", "/admin/users", Map.of("username", name, "email", name + "@forge.test", "password",
                PASSWORD, "must_change_password", false));
        return new User(name, token(name, List.of("all")));
    }

    /**
     * A new token of {@code user}'s with only these scopes (e.g. {@code write:repository}), as a service would be
     * given one.
     */
    public String token(User user, List<String> scopes) {
        return token(user.name(), scopes);
    }

    // Tokens are made with the user's password (HTTP Basic), as Gitea requires.
    private String token(String name, List<String> scopes) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((name + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = send("POST", "/api/v1/users/" + name + "/tokens", basic,
                Map.of("name", "token-" + UUID.randomUUID(), "scopes", scopes));
        return check(created).path("sha1").asText();
    }

    /** The forge's address, e.g. {@code http://127.0.0.1:3000}: its API is under {@code /api/v1}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public User admin() {
        return admin;
    }

    /** The password every user of this forge signs in to its web pages with (a test forge's, never a real one's). */
    public String password() {
        return PASSWORD;
    }

    public User team() {
        return team;
    }

    public User outsider() {
        return outsider;
    }

    /**
     * A new empty public repository of the administrator's, which {@link #team()} may push to; returns its
     * {@code owner/name}.
     */
    public String createRepository(String name) {
        api(admin, "POST", "/user/repos", Map.of("name", name, "default_branch", "main", "private", false));
        String repository = admin.name() + "/" + name;
        api(admin, "PUT", "/repos/" + repository + "/collaborators/" + team.name(), Map.of("permission", "write"));
        return repository;
    }

    /**
     * Calls the API ({@code path} under {@code /api/v1}) as {@code user} and returns the answer's JSON (null for no
     * body); any answer but 2xx fails the test with Gitea's message.
     */
    public JsonNode api(User user, String method, String path, Object body) {
        return check(send(method, "/api/v1" + path, "token " + user.token(), body));
    }

    private HttpResponse<String> send(String method, String path, String authorization, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode check(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Gitea answered " + response.request().method() + " "
                    + response.request().uri().getPath() + " with " + response.statusCode() + ": " + response.body());
        }
        try {
            return response.body().isBlank() ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String bin() {
        return home.resolve("bin/gitea").toString();
    }

    private Path config() {
        return dir.resolve("app.ini");
    }

    private void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("gitea " + command.get(1) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean alive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Gitea exited; its log is in " + dir.resolve("gitea.log"));
        }
        return true;
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is no reason to fail a test run
        }
    }
}
