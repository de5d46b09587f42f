package io.plumbline.source;

import io.plumbline.model.PrivateFiles;
import io.plumbline.model.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration repository, kept as a bare clone in a cache folder. Fetches are forced (a force-push
 * or rewritten history simply moves the head); a failed fetch leaves the last fetched heads in place.
 *
 * <p>Credentials stay in memory: the URL and token are handed to each fetch and never written to the clone's
 * config. The cache is readable by the service's user only. A cache that cannot be opened is moved aside and
 * cloned afresh.
 */
public final class GitSource implements AutoCloseable {
    /** Where fetched pull-request heads are kept, apart from branches. */
    static final String PR_NAMESPACE = "refs/plumbline/";
    private static final Logger LOG = LoggerFactory.getLogger(GitSource.class);

    static {
        GitDaemonTransport.install();
    }

    private final GitSettings settings;
    private final FileLimits limits;
    /** Opened on first use, so that opening (or on a first start, creating) the cache is not part of a start. */
    private Repository repository;

    public GitSource(GitSettings settings) {
        this(settings, FileLimits.DEFAULT);
    }

    /** @param limits how many files a commit may hold, and how large each may be */
    public GitSource(GitSettings settings, FileLimits limits) {
        this.settings = settings;
        this.limits = limits;
    }

    private synchronized Repository repository() throws IOException {
        if (repository == null) {
            repository = open(settings.cacheDir());
        }
        return repository;
    }

    private static Repository open(Path cache) throws IOException {
        PrivateFiles.folder(cache);
        try {
            return openOrCreate(cache);
        } catch (IOException | IllegalArgumentException e) {
            Path aside = cache.resolveSibling(cache.getFileName() + ".corrupt-" + Instant.now().toEpochMilli());
            LOG.warn("the Git cache {} cannot be opened ({}); moved aside to {} and cloned afresh", cache,
                    Redacted.urls(e.getMessage()), aside);
            Files.move(cache, aside);
            PrivateFiles.folder(cache);
            return openOrCreate(cache);
        }
    }

    private static Repository openOrCreate(Path cache) throws IOException {
        Repository repository = new FileRepositoryBuilder().setGitDir(cache.toFile()).setBare().build();
        if (!repository.getObjectDatabase().exists()) {
            repository.create(true);
        }
        // Older versions kept the URL (and with it any token) here; the URL now lives in memory only.
        StoredConfig config = repository.getConfig();
        config.unsetSection("remote", "origin");
        // Automatic gc runs within the fetch, not after it in the background, so the files it writes exist
        // when the fetch restricts the cache's permissions.
        config.setBoolean("gc", null, "autoDetach", false);
        config.save();
        PrivateFiles.restrictTree(cache);
        return repository;
    }

    /**
     * Fetches the branch and pull-request heads, and returns the heads now known. Unless forks are planned, a
     * pull-request head counts only when its commit is also the tip of a branch of this repository: someone with
     * push access put it there. Heads of pull requests from forks exist only under the pull-request refs, so
     * they are left out. This needs no webhook payload and holds for GitHub, GitLab, Gitea and Bitbucket alike.
     */
    public Heads fetch() throws GitFetchException {
        List<RefSpec> specs = new ArrayList<>();
        specs.add(new RefSpec("+refs/heads/" + settings.branch() + ":" + branchRef()));
        for (String pattern : settings.prRefs()) {
            specs.add(new RefSpec("+" + pattern + ":" + PR_NAMESPACE + pattern.substring("refs/".length())));
        }
        Set<String> branchTips = null;
        Repository cache;
        try {
            cache = repository();
        } catch (IOException e) {
            throw new GitFetchException("the Git cache " + settings.cacheDir() + " cannot be opened: " + e.getMessage(),
                    null);
        }
        try (Git git = new Git(cache)) {
            connect(git.fetch().setRemote(settings.url()).setRefSpecs(specs).setRemoveDeletedRefs(true)).call();
            if (!settings.prRefs().isEmpty() && !settings.planForks()) {
                branchTips = tips(connect(Git.lsRemoteRepository().setRemote(settings.url()).setHeads(true)).call());
            }
        } catch (GitAPIException | RuntimeException e) {
            throw new GitFetchException("fetching " + settings.safeUrl() + " failed: " + scrub(rootMessage(e)), null);
        }
        try {
            PrivateFiles.restrictTree(settings.cacheDir());
        } catch (IOException e) {
            // the fetched heads are good all the same; the next fetch tries again
            LOG.warn("the Git cache {} could not be made private: {}", settings.cacheDir(), e.toString());
        }
        Optional<String> head = head();
        if (head.isEmpty()) {
            throw new GitFetchException("branch '" + settings.branch() + "' does not exist in "
                    + settings.safeUrl(), null);
        }
        return new Heads(head.get(), pullRequestHeads(branchTips));
    }

    private <C extends TransportCommand<C, ?>> C connect(C command) {
        command.setTimeout((int) Math.max(1, settings.timeout().toSeconds()));
        if (isSsh()) {
            SshKeyTransport.limitHandshake(settings.timeout());
        }
        if (settings.token().isPresent()) {
            command.setCredentialsProvider(
                    new UsernamePasswordCredentialsProvider(settings.username(), settings.token().value()));
        }
        if (settings.sshKey() != null && isSsh()) {
            command.setTransportConfigCallback(SshKeyTransport.using(settings.sshKey(), settings.knownHosts()));
        }
        return command;
    }

    private static Set<String> tips(Collection<Ref> branches) {
        Set<String> tips = new HashSet<>();
        branches.forEach(ref -> tips.add(ref.getObjectId().name()));
        return tips;
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
        try (Git git = new Git(repository())) {
            ObjectId commit = OneFileCommit.create(git.getRepository(), parent, path, content, message);
            Iterable<PushResult> results = connect(git.push().setRemote(settings.url())
                    .setRefSpecs(new RefSpec(commit.name() + ":refs/heads/" + branch))).call();
            for (PushResult result : results) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    // Up to date: the branch already holds this very commit.
                    if (update.getStatus() != RemoteRefUpdate.Status.OK
                            && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                        throw new GitFetchException("pushing to " + branch + " was refused: " + update.getStatus()
                                + (update.getMessage() == null ? "" : " (" + scrub(update.getMessage()) + ")"), null);
                    }
                }
            }
            if (branch.equals(settings.branch())) {
                pushed(git.getRepository(), parent, commit);
            }
            return commit.name();
        } catch (GitAPIException | IOException | RuntimeException e) {
            throw new GitFetchException("pushing to " + settings.safeUrl() + " failed: " + scrub(rootMessage(e)), null);
        }
    }

    /**
     * The environment branch's head is the commit just pushed, so the next promotion plans on it rather than on
     * the commit it replaced. Unless a fetch moved the head meanwhile: then what was fetched counts.
     */
    private void pushed(Repository cache, String parent, ObjectId commit) throws IOException {
        RefUpdate update = cache.updateRef(branchRef());
        update.setExpectedOldObjectId(ObjectId.fromString(parent));
        update.setNewObjectId(commit);
        update.update();
    }

    /** The last fetched (or pushed) head of the environment branch, if any fetch ever succeeded. */
    public Optional<String> head() {
        try {
            Ref ref = repository().exactRef(branchRef());
            return Optional.ofNullable(ref).map(r -> r.getObjectId().name());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The files at a commit; the ref only labels the revision. */
    public RepoFiles at(String commit, String ref) throws IOException {
        return new CommitFiles(repository(), ObjectId.fromString(commit), ref, limits);
    }

    /**
     * Whether {@code descendant} is {@code ancestor} or has it in its history; false when either commit is not
     * in the cache (a rewritten history may have dropped it).
     */
    public boolean isAncestor(String ancestor, String descendant) {
        try (RevWalk walk = new RevWalk(repository())) {
            return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(ancestor)),
                    walk.parseCommit(ObjectId.fromString(descendant)));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Checks the signatures of fetched commits against {@code policy}. */
    public SignatureCheck signatures(SignaturePolicy policy) {
        return new SignatureCheck(this::repository, policy);
    }

    public String branch() {
        return settings.branch();
    }

    /** Author, subject and time of a fetched commit; empty when the cache does not hold it. */
    public Optional<CommitInfo> describe(String commit) {
        try (RevWalk walk = new RevWalk(repository())) {
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
            return pullRequestHeads(null);
        } catch (GitFetchException e) {
            return Map.of();
        }
    }

    /** @param branchTips commits at the tips of this repository's branches, or null to take every head */
    private Map<String, String> pullRequestHeads(Set<String> branchTips) throws GitFetchException {
        Map<String, String> heads = new LinkedHashMap<>();
        try {
            for (Ref ref : repository().getRefDatabase().getRefsByPrefix(PR_NAMESPACE)) {
                String name = "refs/" + ref.getName().substring(PR_NAMESPACE.length());
                String commit = ref.getObjectId().name();
                if (branchTips == null || branchTips.contains(commit)) {
                    heads.put(name, commit);
                } else {
                    LOG.debug("{} at {} is not the tip of a branch here (a fork); not planned", name, commit);
                }
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
        safe = settings.token().isPresent() ? safe.replace(settings.token().value(), "****") : safe;
        return Redacted.urls(safe);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? e.getMessage() : e.getMessage() + " (" + t.getMessage() + ")";
    }

    @Override
    public synchronized void close() {
        if (repository != null) {
            repository.close();
        }
    }

    /** The branch head and the pull-request heads (ref to commit) after a fetch. */
    public record Heads(String branchHead, Map<String, String> pullRequests) {
    }
}
