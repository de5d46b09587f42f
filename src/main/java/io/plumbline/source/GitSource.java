package io.plumbline.source;

import io.plumbline.model.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The configuration repository, kept as a bare clone in a cache folder. Fetches are forced (a force-push
 * or rewritten history simply moves the head); a failed fetch leaves the last fetched heads in place.
 */
public final class GitSource implements AutoCloseable {
    /** Where fetched pull-request heads are kept, apart from branches. */
    static final String PR_NAMESPACE = "refs/plumbline/";

    private final GitSettings settings;
    private final FileLimits limits;
    private final Repository repository;

    public GitSource(GitSettings settings) throws IOException {
        this(settings, FileLimits.DEFAULT);
    }

    /** @param limits how many files a commit may hold, and how large each may be */
    public GitSource(GitSettings settings, FileLimits limits) throws IOException {
        this.settings = settings;
        this.limits = limits;
        Files.createDirectories(settings.cacheDir());
        this.repository = new FileRepositoryBuilder().setGitDir(settings.cacheDir().toFile()).setBare().build();
        if (!repository.getObjectDatabase().exists()) {
            repository.create(true);
        }
        StoredConfig config = repository.getConfig();
        config.setString("remote", "origin", "url", settings.url());
        config.save();
    }

    /** Fetches the branch and pull-request heads, and returns the heads now known. */
    public Heads fetch() throws GitFetchException {
        List<RefSpec> specs = new ArrayList<>();
        specs.add(new RefSpec("+refs/heads/" + settings.branch() + ":" + branchRef()));
        for (String pattern : settings.prRefs()) {
            specs.add(new RefSpec("+" + pattern + ":" + PR_NAMESPACE + pattern.substring("refs/".length())));
        }
        try (Git git = new Git(repository)) {
            FetchCommand fetch = git.fetch().setRemote("origin").setRefSpecs(specs).setRemoveDeletedRefs(true)
                    .setTimeout((int) Math.max(1, settings.timeout().toSeconds()));
            if (settings.token().isPresent()) {
                fetch.setCredentialsProvider(
                        new UsernamePasswordCredentialsProvider(settings.username(), settings.token().value()));
            }
            if (settings.sshKey() != null && isSsh()) {
                fetch.setTransportConfigCallback(SshKeyTransport.using(settings.sshKey(), settings.knownHosts()));
            }
            fetch.call();
        } catch (GitAPIException | RuntimeException e) {
            throw new GitFetchException("fetching " + settings.safeUrl() + " failed: " + scrub(rootMessage(e)), null);
        }
        Optional<String> head = head();
        if (head.isEmpty()) {
            throw new GitFetchException("branch '" + settings.branch() + "' does not exist in "
                    + settings.safeUrl(), null);
        }
        return new Heads(head.get(), pullRequestHeads());
    }

    /** The last fetched head of the environment branch, if any fetch ever succeeded. */
    public Optional<String> head() {
        try {
            Ref ref = repository.exactRef(branchRef());
            return Optional.ofNullable(ref).map(r -> r.getObjectId().name());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The files at a commit; the ref only labels the revision. */
    public RepoFiles at(String commit, String ref) throws IOException {
        return new CommitFiles(repository, ObjectId.fromString(commit), ref, limits);
    }

    public String branch() {
        return settings.branch();
    }

    private Map<String, String> pullRequestHeads() throws GitFetchException {
        Map<String, String> heads = new LinkedHashMap<>();
        try {
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(PR_NAMESPACE)) {
                heads.put("refs/" + ref.getName().substring(PR_NAMESPACE.length()), ref.getObjectId().name());
            }
        } catch (IOException e) {
            throw new GitFetchException("reading pull-request heads failed: " + e.getMessage(), e);
        }
        return heads;
    }

    private String branchRef() {
        return "refs/remotes/origin/" + settings.branch();
    }

    private boolean isSsh() {
        try {
            String scheme = new URIish(settings.url()).getScheme();
            return scheme == null ? settings.url().contains("@") : scheme.startsWith("ssh");
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private String scrub(String message) {
        String safe = message == null ? "unknown error" : message.replace(settings.url(), settings.safeUrl());
        return settings.token().isPresent() ? safe.replace(settings.token().value(), "****") : safe;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? e.getMessage() : e.getMessage() + " (" + t.getMessage() + ")";
    }

    @Override
    public void close() {
        repository.close();
    }

    /** The branch head and the pull-request heads (ref to commit) after a fetch. */
    public record Heads(String branchHead, Map<String, String> pullRequests) {
    }
}
