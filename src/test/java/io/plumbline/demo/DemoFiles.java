package io.plumbline.demo;

import io.plumbline.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The demo's files under {@code .plumbline/demo}: the configuration repository, service state and settings. */
final class DemoFiles {
    private DemoFiles() {
    }

    /** The stand-ins start empty each run, so the service's memory of them must too. */
    static void resetState(Path home) throws IOException {
        for (String dir : new String[] {"state", "cache", "haproxy"}) {
            Path p = home.resolve(dir);
            if (Files.exists(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    /**
     * A Git repository holding {@code example-repo}, created once and kept, so commits made to it survive
     * restarts. Only the proxy differs from the example: it listens on 8081 and 8001 on 127.0.0.1 (no root
     * needed), and its servers are the demo's stand-ins for the new load balancer and the old monolith.
     */
    static Path repository(Path dir) throws IOException {
        if (Files.isDirectory(dir.resolve(".git"))) {
            return dir;
        }
        Files.createDirectories(dir.getParent());
        try (TestRepo repo = TestRepo.withExampleRepoAt(dir)) {
            repo.edit("environments/production.yaml", "bind: \"*:80\"", "bind: \"127.0.0.1:8081\"")
                    .edit("environments/production.yaml", "bind: \"*:8001\"", "bind: \"127.0.0.1:8001\"")
                    .edit("environments/production.yaml", "frontend-alb-1234567890.us-west-2.elb.amazonaws.com:80",
                            "127.0.0.1:" + DemoBackends.NEW_LOAD_BALANCER)
                    .edit("environments/production.yaml", "www.example.com:80", "127.0.0.1:" + DemoBackends.MONOLITH)
                    .commitAll("Demo: run the proxy on unprivileged ports");
        }
        return dir;
    }

    /** The service's settings; with a forge, statuses, plan comments and webhooks go through it, else git notes. */
    static Path serviceConfig(Path home, String awsEndpoint, Path kubeconfig, Path haproxyRoot, int port,
            DemoForge forge) throws IOException {
        Path cache = home.resolve("cache").toAbsolutePath();
        String git = forge != null ? forge.settings(cache) : "  git: {cache-dir: %s}\n".formatted(cache);
        return Files.writeString(home.resolve("application.yml"), """
                plumbline:
                  public-url: http://127.0.0.1:%d
                  state-dir: %s
                  poll: {interval: 5s}
                  api: {read-tokens: demo-read-token}
                  aws: {endpoint: %s}
                  kubernetes: {kubeconfig: %s}
                  haproxy: {root: %s}
                """.formatted(port, home.resolve("state").toAbsolutePath(), awsEndpoint, kubeconfig.toAbsolutePath(),
                haproxyRoot.toAbsolutePath()) + git);
    }

    static void printGuide(int port, Path repo, String kubernetes, DemoForge forge) {
        if (forge != null) {
            printForgeGuide(port, repo, kubernetes, forge);
            return;
        }
        String url = "http://127.0.0.1:" + port;
        System.out.println("""

                Plumbline is reconciling %s (a copy of example-repo) on this machine.
                  AWS:        moto on 127.0.0.1, playing account 033870383707 (a stand-in)
                  Kubernetes: %s
                  HAProxy:    a real haproxy: the proxy on http://127.0.0.1:8081, its stats page on http://127.0.0.1:8001/

                Where to look:
                  open %s/ in a browser (any user, password demo-read-token): every environment, its history, drift, plans
                  curl %s/health
                  curl -s %s/prometheus | grep '^plumbline_'
                  curl -s -H 'Authorization: Bearer demo-read-token' %s/api/environments
                  curl -s -H 'Authorization: Bearer demo-read-token' %s/api/environments/production/history
                  git --git-dir=.plumbline/demo/cache notes --ref=plumbline show origin/main   # the commit statuses

                Push a change and watch it land (within one 5 s poll):
                  sed -i 's/frontend:v1.4.2/frontend:v1.4.3/' %s/environments/production.yaml
                  git -C %s commit -qam "Deploy frontend v1.4.3"
                  sleep 8; curl -s -H 'Authorization: Bearer demo-read-token' %s/api/environments/production/history | head -c 600

                Stop with Ctrl-C.
                """.formatted(repo, kubernetes,
                url, url, url, url, url, repo, repo, url));
    }

    private static void printForgeGuide(int port, Path repo, String kubernetes, DemoForge forge) {
        String url = "http://127.0.0.1:" + port;
        String api = forge.url() + "/api/v1/repos/" + forge.repository();
        String auth = "-H 'Authorization: token " + forge.team().token() + "'";
        System.out.println("""

                Plumbline is reconciling %s on a real Gitea (a copy of example-repo, pushed from %s).
                  AWS:        moto on 127.0.0.1, playing account 033870383707 (a stand-in)
                  Kubernetes: %s
                  HAProxy:    a real haproxy: the proxy on http://127.0.0.1:8081, its stats page on http://127.0.0.1:8001/
                  Forge:      Gitea %s (user %s, password %s): its signed webhooks wake Plumbline, which posts
                              a commit status on each commit and its plan as a comment on each pull request

                Where to look:
                  open %s/ in a browser (any user, password demo-read-token): every environment, its history, drift, plans
                  curl -s %s %s/commits/main/status | head -c 600   # the commit statuses, linking to that page
                  curl -s %s/prometheus | grep '^plumbline_'

                Push a change and watch it land (Gitea's webhook wakes Plumbline at once):
                  sed -i 's/frontend:v1.4.2/frontend:v1.4.3/' %s/environments/production.yaml
                  git -C %s commit -qam "Deploy frontend v1.4.3" && git -C %s push -q forge main
                  sleep 8; curl -s %s %s/commits/main/status | head -c 600

                Propose one in a pull request and read the plan Plumbline comments on it:
                  git -C %s switch -qc try-rc && sed -i 's/frontend:v1.4.3/frontend:v1.5.0-rc1/' %s/environments/production.yaml
                  git -C %s commit -qam "Try frontend v1.5.0-rc1" && git -C %s push -q forge try-rc
                  curl -s %s -H 'Content-Type: application/json' -d '{"head":"try-rc","base":"main","title":"Try frontend v1.5.0-rc1"}' %s/pulls >/dev/null
                  sleep 8; curl -s %s %s/issues/1/comments | head -c 900

                Stop with Ctrl-C.
                """.formatted(forge.fetchUrl(), repo, kubernetes, forge.url(), forge.team().name(), forge.password(),
                url, auth, api, url, repo, repo, repo, auth, api, repo, repo, repo, repo, auth, api, auth, api));
    }
}
