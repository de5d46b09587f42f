package io.plumbline.source;

import io.plumbline.model.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
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
    private final Repository repository;

    public GitSource(GitSettings settings) throws IOException {
        this.settings = settings;
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
            authenticated(git.fetch().setRemote("origin").setRefSpecs(specs).setRemoveDeletedRefs(true)).call();
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

    /**
     * Commits new content of one file on top of {@code parent} and pushes it to {@code branch} of the remote
     * (the environment branch, fast-forward only, or a new branch for a pull request).
     *
     * @return the new commit's sha
     * @throws GitFetchException when the push is refused (the branch moved, no permission) or fails
     */
    public String publish(String parent, String path, String content, String message, String branch)
            throws GitFetchException {
        try (Git git = new Git(repository)) {
            ObjectId commit = OneFileCommit.create(repository, parent, path, content, message);
            Iterable<PushResult> results = authenticated(git.push().setRemote("origin")
                    .setRefSpecs(new RefSpec(commit.name() + ":refs/heads/" + branch))).call();
            for (PushResult result : results) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    if (update.getStatus() != RemoteRefUpdate.Status.OK) {
                        throw new GitFetchException("pushing to " + branch + " was refused: " + update.getStatus()
                                + (update.getMessage() == null ? "" : " (" + scrub(update.getMessage()) + ")"), null);
                    }
                }
            }
            return commit.name();
        } catch (GitAPIException | IOException | RuntimeException e) {
            throw new GitFetchException("pushing to " + settings.safeUrl() + " failed: " + scrub(rootMessage(e)), null);
        }
    }

    /** The service's credentials and timeout on a fetch or a push. */
    private <C extends TransportCommand<C, ?>> C authenticated(C command) {
        command.setTimeout((int) Math.max(1, settings.timeout().toSeconds()));
        if (settings.token().isPresent()) {
            command.setCredentialsProvider(
                    new UsernamePasswordCredentialsProvider(settings.username(), settings.token().value()));
        }
        if (settings.sshKey() != null && isSsh()) {
            command.setTransportConfigCallback(SshKeyTransport.using(settings.sshKey(), settings.knownHosts()));
        }
        return command;
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
        return new CommitFiles(repository, ObjectId.fromString(commit), ref);
    }

    public String branch() {
        return settings.branch();
    }

    /** Author, subject and time of a fetched commit; empty when the cache does not hold it. */
    public Optional<CommitInfo> describe(String commit) {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
            return Optional.of(new CommitInfo(commit, c.getAuthorIdent().getName(), c.getShortMessage(),
                    c.getAuthorIdent().getWhenAsInstant()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The pull-request heads (ref to commit) as last fetched: open pull requests, since closed ones are pruned. */
    public Map<String, String> pullRequests() {
        try {
            return pullRequestHeads();
        } catch (GitFetchException e) {
            return Map.of();
        }
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
