package io.plumbline.source;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where the configuration repository is and how to reach it.
 *
 * @param url           https, ssh or file URL, or a local path
 * @param branch        the environment branch, e.g. {@code main}
 * @param cacheDir      where the bare clone is kept between restarts
 * @param username      for https with a token (GitHub accepts any non-empty name; GitLab wants oauth2)
 * @param token         https token, or empty
 * @param sshKey        private key file for ssh URLs, or null for the default identities
 * @param knownHosts    the known_hosts file ssh host keys are checked against, or null for ~/.ssh/known_hosts
 * @param prRefs        ref patterns whose heads are planned but never applied, e.g. {@code refs/pull/*}{@code /head}
 * @param timeout       network timeout of one fetch
 * @param planForks     whether pull-request heads from forks are planned too (see {@link GitSource#fetch})
 */
public record GitSettings(String url, String branch, Path cacheDir, String username, Secret token, Path sshKey,
                          Path knownHosts, List<String> prRefs, Duration timeout, boolean planForks) {
    public GitSettings {
        username = username == null || username.isEmpty() ? "plumbline" : username;
        token = token == null ? Secret.NONE : token;
        prRefs = prRefs == null ? List.of() : prRefs.stream().filter(r -> !r.isBlank()).toList();
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    }

    /** Forks are not planned. */
    public GitSettings(String url, String branch, Path cacheDir, String username, Secret token, Path sshKey,
                       Path knownHosts, List<String> prRefs, Duration timeout) {
        this(url, branch, cacheDir, username, token, sshKey, knownHosts, prRefs, timeout, false);
    }

    /** The URL without user info or query string, safe to print. */
    public String safeUrl() {
        return Redacted.urls(url);
    }
}
