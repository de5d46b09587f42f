package io.plumbline.demo;

import io.plumbline.testing.Gitea;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The demo's forge, when {@code scripts/gitea-peer-build} has built one: a real Gitea holding the demo's repository.
 * Plumbline fetches from it, is woken by its signed webhooks, and posts commit statuses and pull-request plan
 * comments to it, so the whole pull-request loop can be watched. The demo's copy of the repository gets a remote
 * {@code forge} to push to.
 */
final class DemoForge implements AutoCloseable {
    private static final String HOOK_SECRET = "demo-webhook-secret-0123456789";

    private final Gitea gitea;
    private final String repository;
    private final String serviceToken;

    private DemoForge(Gitea gitea, String repository, String serviceToken) {
        this.gitea = gitea;
        this.repository = repository;
        this.serviceToken = serviceToken;
    }

    /** Starts the forge, makes the repository and pushes the demo's copy to it as the team user. */
    static DemoForge start(Path work) throws IOException, InterruptedException {
        Gitea gitea = Gitea.start();
        String repository = gitea.createRepository("infra");
        String push = gitea.team().cloneUrl(gitea, repository);
        git(work, "remote", "remove", "forge");
        if (git(work, "remote", "add", "forge", push) != 0 || git(work, "push", "-q", "forge", "main") != 0) {
            gitea.close();
            throw new IOException("cannot push " + work + " to the demo's forge");
        }
        // The service gets a token of its own that may write statuses and comments, and nothing else.
        return new DemoForge(gitea, repository, gitea.token(gitea.admin(), List.of("write:repository", "write:issue")));
    }

    /** Where the service fetches from: the repository on the forge, anonymously (it is public). */
    String fetchUrl() {
        return gitea.url() + "/" + repository + ".git";
    }

    /**
     * The service's settings for this forge, as lines of {@code application.yml} under {@code plumbline:}; the
     * pull requests' heads are fetched from Gitea's {@code refs/pull/N/head}.
     */
    String settings(Path gitCache) {
        return """
                  status: {host: gitea, api-url: %s, repository: %s, token: %s, pr-comments: true}
                  webhooks: {gitea: {secret: %s}}
                  git: {cache-dir: %s, pr-refs: "refs/pull/*/head"}
                """.formatted(gitea.url(), repository, serviceToken, HOOK_SECRET, gitCache.toAbsolutePath());
    }

    /** Points the repository's push and pull-request webhook at the service's port. */
    void hook(int port) {
        gitea.api(gitea.admin(), "POST", "/repos/" + repository + "/hooks", Map.of("type", "gitea", "active", true,
                "events", List.of("push", "pull_request", "pull_request_sync"),
                "config", Map.of("url", "http://127.0.0.1:" + port + "/hooks/gitea", "content_type", "json",
                        "secret", HOOK_SECRET)));
    }

    String url() {
        return gitea.url();
    }

    String repository() {
        return repository;
    }

    Gitea.User team() {
        return gitea.team();
    }

    String password() {
        return gitea.password();
    }

    @Override
    public void close() {
        gitea.close();
    }

    private static int git(Path work, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", work.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }
}
