package io.plumbline.provider.aws;

import static org.awaitility.Awaitility.await;

import io.plumbline.testing.Ports;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * One moto server per test class on a free 127.0.0.1 port. The executable is taken from {@code MOTO_SERVER}, then
 * {@code <project root>/.venv/bin/moto_server}, then {@code moto_server} on the PATH. ACM certificates are issued
 * as soon as they are described again, since moto does not look up validation records.
 */
public final class MotoServer implements BeforeAllCallback, AfterAllCallback {
    public static final String ACCOUNT = "123456789012";
    private final String account;
    private final boolean bionic;
    private Process process;

    /** moto's default account, {@link #ACCOUNT}. */
    public MotoServer() {
        this(ACCOUNT);
    }

    /** A server whose caller identity is this account (the demo plays the example's own account). */
    public MotoServer(String account) {
        this(account, false);
    }

    private MotoServer(String account, boolean bionic) {
        this.account = account;
        this.bionic = bionic;
    }

    /**
     * A server for this account whose images are the Ubuntu and Windows ones tests use plus the Ubuntu 18.04
     * (bionic) image Canonical publishes, which moto does not ship and the hopper environment asks for by name.
     */
    public static MotoServer withBionicImage(String account) {
        return new MotoServer(account, true);
    }
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        port = Ports.free();
        Path log = Files.createTempFile("moto-", ".log");
        ProcessBuilder builder = new ProcessBuilder(executable(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MOTO_ACM_VALIDATION_WAIT", "0");
        builder.environment().put("MOTO_ACCOUNT_ID", account);
        if (bionic) {
            builder.environment().put("MOTO_AMIS_PATH", images().toString());
        }
        // kept out of the working folder; recording is off until a test starts it
        builder.environment().put("MOTO_RECORDER_FILEPATH", Files.createTempFile("moto-recording-", ".jsonl").toString());
        process = builder.start();
        await("moto server on port " + port).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("moto_server exited: " + Files.readString(log));
                    }
                    return post("/moto-api/reset") == 200;
                });
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Forgets every resource, so each test starts from its own baseline. */
    public void reset() {
        int status = post("/moto-api/reset");
        if (status != 200) {
            throw new IllegalStateException("moto reset answered " + status);
        }
    }

    /** Records every request from now on (method, path, headers, body), for {@link #recording()}. */
    public void startRecording() {
        int status = post("/moto-api/recorder/start-recording");
        if (status != 200) {
            throw new IllegalStateException("moto start-recording answered " + status);
        }
    }

    /** Forgets what was recorded so far (recording goes on if it was started). */
    public void resetRecording() {
        int status = post("/moto-api/recorder/reset-recording");
        if (status != 200) {
            throw new IllegalStateException("moto reset-recording answered " + status);
        }
    }

    /** Every request recorded since {@link #startRecording()}, one JSON object a line. */
    public String recording() {
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint().resolve("/moto-api/recorder/download-recording")
                    .toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(10000);
            try (var in = c.getInputStream()) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** moto reads its images from a file: the test resource, copied out of the class path. */
    private static Path images() throws IOException {
        Path file = Files.createTempFile("moto-images-", ".json");
        try (var in = MotoServer.class.getResourceAsStream("/aws/images.json")) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A connection to this server with fake static credentials and short, explicit timeouts. */
    public AwsConnection connection() {
        return connectionThrough(endpoint());
    }

    /** The same connection, to a proxy in front of this server. */
    public static AwsConnection connectionThrough(URI proxy) {
        return new AwsConnection(Optional.of(proxy),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")),
                Duration.ofSeconds(30), Duration.ofSeconds(10), 3, Duration.ofMillis(100));
    }

    private int post(String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint().resolve(path).toURL().openConnection();
            c.setRequestMethod("POST");
            c.setConnectTimeout(1000);
            c.setReadTimeout(10000);
            int status = c.getResponseCode();
            c.disconnect();
            return status;
        } catch (IOException e) {
            return -1;
        }
    }

    static String executable() {
        String fromEnv = System.getenv("MOTO_SERVER");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        Path venv = projectRoot().resolve(".venv/bin/moto_server");
        return Files.isExecutable(venv) ? venv.toString() : "moto_server";
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        return Stream.iterate(dir, p -> p != null, Path::getParent).filter(p -> Files.exists(p.resolve("pom.xml")))
                .findFirst().orElse(dir);
    }
}
