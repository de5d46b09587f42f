package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.engine.history.History;
import io.plumbline.model.Health;
import io.plumbline.model.Outcome;
import io.plumbline.model.Revision;
import io.plumbline.testing.TestRepo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Promotion against a real Git repository, with health read from history as the service keeps it. */
class PromoteCommandTest {
    private static final String REGISTRY = "123456789012.dkr.ecr.us-west-2.amazonaws.com/";
    private static final String STAGING = """
            apiVersion: plumbline/v1
            kind: Environment
            metadata:
              name: staging
            spec:
              sync: {mode: auto}
              kubernetes:
                namespaces: [staging]
                applications:
                  - name: frontend
                    namespace: staging
                    image: %1$sfrontend:v1.5.0
                    port: 8000
                  - name: users-backend
                    namespace: staging
                    image: "%1$susers-backend:v2.0.0"   # quoted, as some teams write it
                    port: 8000
                    sidecars:
                      - {name: db, image: %1$susers-db:v2.0.0}
            """.formatted(REGISTRY);
    private static final String PRODUCTION = """
            apiVersion: plumbline/v1
            kind: Environment
            metadata:
              name: production
            spec:
              # Production: promote, never edit tags by hand.
              sync: {mode: auto, prune: true}
              kubernetes:
                namespaces: [example]
                applications:
                  - name: frontend
                    namespace: example
                    image: %1$sfrontend:v1.4.2     # the tag staging ran last week
                    replicas: 4
                    port: 8000
                  - name: users-backend
                    namespace: example
                    image: "%1$susers-backend:v1.9.0"
                    port: 8000
                    sidecars:
                      - {name: db, image: %1$susers-db:v1.9.0}
            """.formatted(REGISTRY);

    @TempDir
    Path tmp;
    TestRepo repo;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() {
        repo = TestRepo.withFiles(tmp, Map.of("environments/staging.yaml", STAGING,
                "environments/production.yaml", PRODUCTION));
    }

    @AfterEach
    void tearDown() {
        repo.close();
    }

    /** What the service records after reconciling staging at a commit. */
    private void stagingReconciled(String commit, Outcome.Result result, Health health) {
        Instant now = Instant.now();
        new History(tmp.resolve("state/history"), 100).finished(new Outcome("staging", "environments/staging.yaml",
                new Revision(commit, "main", ""), "poll", now, now, result, Map.of(), health, List.of(),
                result == Outcome.Result.SUCCESS ? "" : "kubernetes is degraded: frontend never became ready"));
    }

    private int promote(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("promote", "--from", "staging", "--to", "production",
                "--repo", repo.dir().toString(), "--state-dir", tmp.resolve("state").toString()));
        args.addAll(List.of(extra));
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    }

    @Test
    void theCommitChangesOnlyTheTagsOfTheTargetFile() throws Exception {
        String before = repo.head();
        stagingReconciled(before, Outcome.Result.SUCCESS, Health.HEALTHY);

        assertThat(promote()).as(err.toString()).isEqualTo(Main.OK);

        assertThat(repo.head()).isNotEqualTo(before);
        assertThat(changedFiles(before, repo.head())).containsExactly("environments/production.yaml");
        assertThat(repo.read("environments/production.yaml")).isEqualTo(PRODUCTION
                .replace("frontend:v1.4.2", "frontend:v1.5.0").replace("users-backend:v1.9.0", "users-backend:v2.0.0")
                .replace("users-db:v1.9.0", "users-db:v2.0.0"));
        assertThat(out.toString()).contains("frontend: v1.4.2 -> v1.5.0", "users-backend/db: v1.9.0 -> v2.0.0");
        assertThat(message(repo.head())).startsWith("Promote frontend v1.5.0, users-backend v2.0.0, users-backend/db "
                + "v2.0.0 from staging to production").contains("staging ran these tags healthy at " + before);
    }

    @Test
    void oneApplicationOnANewBranchLeavesTheCurrentBranchAlone() throws Exception {
        String before = repo.head();
        stagingReconciled(before, Outcome.Result.SUCCESS, Health.HEALTHY);

        assertThat(promote("--app", "frontend", "--branch", "promote/frontend")).as(err.toString())
                .isEqualTo(Main.OK);

        assertThat(repo.head()).as("main is untouched").isEqualTo(before);
        try (Git git = Git.open(repo.dir().toFile())) {
            String branch = git.getRepository().resolve("refs/heads/promote/frontend").getName();
            assertThat(changedFiles(before, branch)).containsExactly("environments/production.yaml");
        }
        assertThat(repo.read("environments/production.yaml")).isEqualTo(PRODUCTION
                .replace("frontend:v1.4.2", "frontend:v1.5.0"));
    }

    @Test
    void aBranchNameGitRefusesIsInvalidInputAndNothingIsCommitted() throws Exception {
        String before = repo.head();
        stagingReconciled(before, Outcome.Result.SUCCESS, Health.HEALTHY);

        for (String branch : new String[] {"HEAD", "-x", "a..b", "a@{1}", "promote.lock", "promote/", ".hidden"}) {
            err.getBuffer().setLength(0);
            assertThat(promote("--branch", branch)).as(branch + ": " + err).isEqualTo(Main.INVALID);
            assertThat(err.toString()).as(branch).contains("--branch: '" + branch + "' is not a branch name git "
                    + "accepts");
        }

        assertThat(repo.head()).isEqualTo(before);
        try (Git git = Git.open(repo.dir().toFile())) {
            assertThat(git.branchList().call()).extracting(r -> r.getName()).containsExactly("refs/heads/main");
        }
    }

    @Test
    void anUnhealthyStagingIsRefusedAndNothingIsCommitted() {
        String before = repo.head();
        stagingReconciled(before, Outcome.Result.FAILURE, Health.degraded("frontend never became ready"));

        assertThat(promote()).isEqualTo(Main.FAILURE);

        assertThat(err.toString()).contains("refused: staging is not healthy: its last reconcile at "
                + before.substring(0, 7) + " was failure, health degraded");
        assertThat(repo.head()).isEqualTo(before);
        assertThat(repo.read("environments/production.yaml")).isEqualTo(PRODUCTION);
    }

    @Test
    void tagsStagingHasNotRunYetAreRefused() {
        String ran = repo.head();
        stagingReconciled(ran, Outcome.Result.SUCCESS, Health.HEALTHY);
        String newer = repo.edit("environments/staging.yaml", "frontend:v1.5.0", "frontend:v1.6.0")
                .commitAll("Try frontend v1.6.0 in staging");

        assertThat(promote()).isEqualTo(Main.FAILURE);

        assertThat(err.toString()).contains("staging declares images at " + newer.substring(0, 7)
                + " that it has not run healthy yet");
        assertThat(repo.head()).isEqualTo(newer);
    }

    private List<String> changedFiles(String from, String to) throws Exception {
        try (Git git = Git.open(repo.dir().toFile()); ObjectReader reader = git.getRepository().newObjectReader()) {
            return git.diff().setOldTree(tree(git.getRepository(), reader, from))
                    .setNewTree(tree(git.getRepository(), reader, to)).call().stream()
                    .map(DiffEntry::getNewPath).toList();
        }
    }

    private static CanonicalTreeParser tree(Repository repository, ObjectReader reader, String commit)
            throws Exception {
        return new CanonicalTreeParser(null, reader, repository.parseCommit(repository.resolve(commit)).getTree());
    }

    private String message(String commit) throws Exception {
        try (Git git = Git.open(repo.dir().toFile())) {
            return git.getRepository().parseCommit(git.getRepository().resolve(commit)).getFullMessage();
        }
    }
}
