package io.plumbline.e2e;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.plumbline.report.HostApi;
import io.plumbline.report.StatusHostServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service started in-process against the peers, a repository and a status host; closed after each test. */
final class RunningService implements AutoCloseable {
    private final ApplicationContext context;
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningService(ApplicationContext context) {
        this.context = context;
        this.base = context.getBean(EmbeddedServer.class).getURI();
    }

    /**
     * @param state    the service's state folder (history, status memory) and Git cache live here: start another
     *                 service on the same folder to see a restart
     * @param settings further properties, overriding the defaults
     */
    static RunningService start(Peers peers, String repoUrl, Path state, Map<String, Object> settings) {
        Map<String, Object> p = new HashMap<>();
        p.put("plumbline.aws.endpoint", peers.moto.endpoint().toString());
        p.put("plumbline.kubernetes.kubeconfig", peers.kubernetes.kubeconfig().toString());
        p.put("plumbline.haproxy.root", peers.root.toString());
        p.putAll(settings);
        return start(repoUrl, state, p);
    }

    /** The service (or a proxy agent) without the AWS and Kubernetes peers: for environments that need neither. */
    static RunningService start(String repoUrl, Path state, Map<String, Object> settings) {
        Map<String, Object> p = new HashMap<>();
        p.put("micronaut.server.port", -1);
        p.put("plumbline.git.url", repoUrl);
        p.put("plumbline.git.cache-dir", state.resolve("cache").toString());
        p.put("plumbline.state-dir", state.resolve("state").toString());
        p.put("plumbline.poll.interval", "1s");
        p.put("plumbline.poll.jitter", 0.0);
        p.put("plumbline.engine.retry-base", "1s");
        p.put("plumbline.public-url", "http://plumbline.test");
        p.put("plumbline.api.read-tokens", READ_TOKEN);
        p.put("plumbline.api.write-tokens", WRITE_TOKEN);
        p.putAll(settings);
        return new RunningService(Micronaut.build(new String[0]).banner(false).properties(p).start());
    }

    /** Status settings that send statuses to a local host playing GitHub. */
    static Map<String, Object> github(StatusHostServer host) {
        return Map.of("plumbline.status.host", "github", "plumbline.status.api-url", host.url(),
                "plumbline.status.repository", "acme/infra", "plumbline.status.token", TOKEN);
    }

    static final String TOKEN = "ghp_e2eToken0123456789";
    /** The API token {@link #get} reads with. */
    static final String READ_TOKEN = "e2e-read-token-0123456789";
    /** The API token {@link #post} writes with, on {@code /api} paths. */
    static final String WRITE_TOKEN = "e2e-write-token-9876543210";

    /** A page's address with the read token as the password of HTTP Basic, as a browser would be given it. */
    String pageUrl(String path) {
        URI page = base.resolve(path);
        return page.getScheme() + "://reader:" + READ_TOKEN + "@" + page.getAuthority() + page.getRawPath();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + READ_TOKEN).build());
    }

    HttpResponse<String> post(String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (path.startsWith("/api/")) {
            request.header("Authorization", "Bearer " + WRITE_TOKEN);
        }
        return send(request.build());
    }

    /** A JSON post with {@code token} as the bearer, whatever the path. */
    HttpResponse<String> post(String path, String token, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).build());
    }

    /** A sample of a Prometheus series, or 0 when it is absent. */
    double metric(String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(get("/prometheus").body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    double reconciles(String result) {
        return metric("plumbline_reconcile_total{environment=\"production\",result=\"" + result + "\"}");
    }

    /** The statuses a host accepted for one commit and context, in order, as {@code state: description}. */
    static List<String> statuses(StatusHostServer host, String commit, String context) {
        return host.accepted().stream().filter(a -> a.commit().equals(commit) && a.context().equals(context))
                .map(a -> a.state() + ": " + a.description()).toList();
    }

    static List<HostApi.Accepted> accepted(StatusHostServer host, String commit) {
        return host.accepted().stream().filter(a -> a.commit().equals(commit)).toList();
    }

    /** This service's address, as its agents are given it. */
    URI base() {
        return base;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
