package io.plumbline.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plumbline.testing.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Git cache keeps on disk: no credentials, no access for others, and a damaged cache is replaced. */
class CacheHygieneIT {
    private static final String TOKEN = "ghp_k33pOutOfTheCache";

    @TempDir
    Path tmp;

    @Test
    void theCacheIsPrivateToTheServiceUser() throws Exception {
        try (TestRepo remote = TestRepo.withExampleRepo(tmp); GitSource source = source(remote.url(), List.of())) {
            source.fetch();
        }
        try (Stream<Path> files = Files.walk(tmp.resolve("cache"))) {
            for (Path path : files.toList()) {
                Set<PosixFilePermission> modes = Files.getPosixFilePermissions(path);
                assertThat(modes).as(path.toString()).noneMatch(m -> m.name().startsWith("GROUP")
                        || m.name().startsWith("OTHERS"));
            }
        }
        assertThat(Files.getPosixFilePermissions(tmp.resolve("cache")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    void noTokenOrQueryStringIsWrittenToTheCacheOrPrintedInAnError() throws Exception {
        String url = "http://x-access:" + TOKEN + "@127.0.0.1:1/r.git?private_token=" + TOKEN + "-q";
        try (GitSource source = source(url, List.of())) {
            GitFetchException e = catchThrowableOfType(GitFetchException.class, source::fetch);

            assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("private_token")
                    .contains("http://127.0.0.1:1/r.git");
        }
        try (Stream<Path> files = Files.walk(tmp.resolve("cache"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(TOKEN).doesNotContain("127.0.0.1");
            }
        }
    }

    @Test
    void aCacheWrittenByAnOlderVersionLosesTheUrlItKept() throws Exception {
        try (TestRepo remote = TestRepo.withExampleRepo(tmp)) {
            try (GitSource first = source(remote.url(), List.of())) {
                first.fetch();
            }
            Path config = tmp.resolve("cache/config");
            Files.writeString(config, Files.readString(config)
                    + "[remote \"origin\"]\n\turl = https://x:" + TOKEN + "@git.example.com/r.git\n");

            try (GitSource again = source(remote.url(), List.of())) {
                again.fetch();
            }
            assertThat(Files.readString(config)).doesNotContain(TOKEN).doesNotContain("remote");
        }
    }

    @Test
    void aCorruptCacheIsMovedAsideAndClonedAfresh() throws Exception {
        try (TestRepo remote = TestRepo.withExampleRepo(tmp)) {
            try (GitSource first = source(remote.url(), List.of())) {
                first.fetch();
            }
            Files.writeString(tmp.resolve("cache/config"), "[core\n\tthis is not a git config");

            try (GitSource again = source(remote.url(), List.of())) {
                assertThat(again.fetch().branchHead()).isEqualTo(remote.head());
            }
            try (Stream<Path> siblings = Files.list(tmp)) {
                assertThat(siblings.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("cache.corrupt-"));
            }
        }
    }

    @Test
    void pullRequestsFromForksAreNotPlannedUnlessAsked() throws Exception {
        try (TestRepo remote = TestRepo.withExampleRepo(tmp)) {
            String own = remote.pullRequest(1, "environments/staging.yaml", "kind: Environment\n", "From a branch here");
            String fork = remote.forkPullRequest(2, "environments/staging.yaml", "kind: Other\n", "From a fork");

            try (GitSource source = source(remote.url(), List.of("refs/pull/*/head"))) {
                assertThat(source.fetch().pullRequests()).containsExactly(java.util.Map.entry("refs/pull/1/head", own));
            }
            try (GitSource source = new GitSource(new GitSettings(remote.url(), "main", tmp.resolve("cache2"), null,
                    null, null, null, List.of("refs/pull/*/head"), Duration.ofSeconds(10), true))) {
                assertThat(source.fetch().pullRequests()).containsEntry("refs/pull/1/head", own)
                        .containsEntry("refs/pull/2/head", fork);
            }
        }
    }

    @Test
    void aCacheThatCannotBeOpenedFailsTheFetchNotTheStart() throws Exception {
        // The cache is opened on first use: a service with an unusable cache folder starts, and says why it
        // cannot fetch.
        Files.writeString(tmp.resolve("cache"), "not a folder");
        try (TestRepo remote = TestRepo.withExampleRepo(tmp); GitSource source = source(remote.url(), List.of())) {
            GitFetchException failure = catchThrowableOfType(GitFetchException.class, source::fetch);
            assertThat(failure).hasMessageStartingWith("the Git cache " + tmp.resolve("cache") + " cannot be opened");
            assertThat(source.head()).isEmpty();
        }
    }

    private GitSource source(String url, List<String> prRefs) throws Exception {
        return new GitSource(new GitSettings(url, "main", tmp.resolve("cache"), "x-access", new Secret(TOKEN), null,
                null, prRefs, Duration.ofSeconds(5)));
    }
}
