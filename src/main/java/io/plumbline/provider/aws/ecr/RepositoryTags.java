package io.plumbline.provider.aws.ecr;

import io.plumbline.provider.aws.AwsClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.Tag;

/**
 * The tags of ECR repositories, read once and shared by every environment of the provider for {@link #LIFETIME}.
 * ECR lists repositories without their tags and reads them one repository at a time, and the Resource Groups Tagging
 * API that finds tagged resources in one call does not serve ECR on moto, so it cannot be proven here: without this
 * memory each environment that prunes reads the tags of every repository of the account, calls quadratic in the
 * number of environments (100 environments of 5 repositories: about 50,000 calls a round of drift checks).
 *
 * <p>A repository is known by its ARN (account, region, name) and its creation time, so one deleted and made again
 * under the same name is read afresh. Tags changed by hand within the lifetime are seen late by a plan, never by a
 * deletion: {@link EcrRepositories} reads a repository's tags again, with {@link #fresh}, right before it deletes.
 */
final class RepositoryTags {
    static final Duration LIFETIME = Duration.ofSeconds(30);

    private record Read(Map<String, String> tags, Instant at) {
    }

    private final Map<String, Read> read = new ConcurrentHashMap<>();
    private final Clock clock;

    RepositoryTags(Clock clock) {
        this.clock = clock;
    }

    /** The repository's tags, as read within the lifetime. */
    Map<String, String> of(AwsClients aws, Repository repo) {
        Read known = read.get(key(repo));
        return known != null && !expired(known, clock.instant()) ? known.tags() : fresh(aws, repo);
    }

    /** Forgets what has expired, so the memory holds at most the repositories seen within one lifetime. */
    void expire() {
        Instant now = clock.instant();
        read.values().removeIf(r -> expired(r, now));
    }

    /** The repository's tags read now (and remembered). */
    Map<String, String> fresh(AwsClients aws, Repository repo) {
        Map<String, String> tags = aws.ecr().listTagsForResource(r -> r.resourceArn(repo.repositoryArn())).tags().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> a));
        read.put(key(repo), new Read(Map.copyOf(tags), clock.instant()));
        return tags;
    }

    private static boolean expired(Read r, Instant now) {
        return !now.isBefore(r.at().plus(LIFETIME));
    }

    private static String key(Repository repo) {
        return repo.repositoryArn() + "@" + repo.createdAt();
    }
}
