package io.plumbline.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plumbline.testing.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against real repositories in a temporary folder. */
class GitSourceIT {
    @TempDir
    Path tmp;
    TestRepo remote;
    GitSource source;

    @BeforeEach
    void setUp() throws Exception {
        remote = TestRepo.withExampleRepo(tmp);
        source = new GitSource(new GitSettings(remote.url(), "main", tmp.resolve("cache"), null, null, null,
                null, List.of("refs/pull/*/head"), Duration.ofSeconds(10)));
    }

    @AfterEach
    void tearDown() {
        source.close();
        remote.close();
    }

    @Test
    void aNewCommitIsPickedUpAndReadAtThatExactCommit() throws Exception {
        String first = source.fetch().branchHead();
        String second = remote.edit("environments/production.yaml", "replicas: 4", "replicas: 5")
                .commitAll("Scale the frontend to five");

        String head = source.fetch().branchHead();

        assertThat(head).isEqualTo(second).isNotEqualTo(first);
        assertThat(text(head, "environments/production.yaml")).contains("replicas: 5");
        assertThat(text(first, "environments/production.yaml")).contains("replicas: 4");
        assertThat(source.at(head, "main").revision().message()).isEqualTo("Scale the frontend to five");
    }

    @Test
    void aForcePushThatRewritesHistoryMovesTheHead() throws Exception {
        String base = source.fetch().branchHead();
        String pushed = remote.edit("environments/staging.yaml", "replicas: 1", "replicas: 2").commitAll("Two");
        assertThat(source.fetch().branchHead()).isEqualTo(pushed);

        remote.resetHard(base);
        String rewritten = remote.edit("environments/staging.yaml", "replicas: 1", "replicas: 3").amend("Rewritten");

        assertThat(source.fetch().branchHead()).isEqualTo(rewritten).isNotEqualTo(pushed);
        assertThat(text(rewritten, "environments/staging.yaml")).contains("replicas: 3");
        assertThat(source.isAncestor(base, pushed)).as("the old history still reads").isTrue();
        assertThat(source.isAncestor(pushed, rewritten)).as("the rewritten head does not descend from it").isFalse();
        assertThat(source.isAncestor(rewritten, rewritten)).isTrue();
        assertThat(source.isAncestor("0".repeat(40), rewritten)).as("an unknown commit").isFalse();
    }

    @Test
    void aRemovedRemoteFailsClearlyAndKeepsTheLastGoodCommit() throws Exception {
        String good = source.fetch().branchHead();
        remote.destroy();

        GitFetchException e = catchThrowableOfType(GitFetchException.class, () -> source.fetch());

        assertThat(e).hasMessageStartingWith("fetching " + remote.url());
        assertThat(source.head()).contains(good);
        assertThat(text(good, "environments/production.yaml")).contains("name: production");
    }

    @Test
    void pullRequestHeadsAreFetchedBesideTheBranch() throws Exception {
        String pr = remote.pullRequest(7, "environments/staging.yaml", remote.read("environments/staging.yaml")
                .replace("replicas: 1", "replicas: 2"), "Try two replicas");

        GitSource.Heads heads = source.fetch();

        assertThat(heads.pullRequests()).containsEntry("refs/pull/7/head", pr);
        assertThat(heads.branchHead()).isNotEqualTo(pr);
    }

    @Test
    void aTokenNeverAppearsInAnError() throws Exception {
        Secret token = new Secret("ghp_s3cr3t-token-value");
        try (GitSource remoteOverHttp = new GitSource(new GitSettings("http://x-access:ghp_s3cr3t-token-value@127.0.0.1:1/r.git",
                "main", tmp.resolve("cache2"), "x-access", token, null, null, List.of(), Duration.ofSeconds(2)))) {
            GitFetchException e = catchThrowableOfType(GitFetchException.class, remoteOverHttp::fetch);

            assertThat(e.getMessage()).doesNotContain("s3cr3t").contains("http://127.0.0.1:1/r.git");
        }
        assertThat(token.toString()).isEqualTo("****");
    }

    private String text(String commit, String path) throws Exception {
        return new String(source.at(commit, "main").read(path), StandardCharsets.UTF_8);
    }
}
