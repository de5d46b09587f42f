package io.plumbline.provider.aws.ecr;

import io.plumbline.provider.aws.AwsClients;
import io.plumbline.provider.aws.AwsMarks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.ecr.model.Repository;

/**
 * The tags of ECR repositories, read once and shared by every environment of the provider for {@link #LIFETIME}.
 * ECR lists repositories without their tags and reads them one repository at a time, and the Resource Groups Tagging
 * API that finds tagged resources in one call does not serve ECR on moto, so it cannot be proven here: without this
 * memory each environment that prunes reads the tags of every repository of the account, calls quadratic in the
 * number of environments (100 environments of 5 repositories: about 50,000 calls a round of drift checks).
 *
 * <p>The lifetime is minutes, not the seconds of {@link io.plumbline.provider.aws.SharedReads}, because the tags of a
 * repository decide only what pruning may delete: Plumbline puts them on when it creates a repository and never
 * tags an existing one again, and a deletion always rests on tags read afresh ({@link #fresh}, through the context
 * that confirms the marks before deleting). A tag changed by hand on an undeclared repository therefore delays a
 * prune by up to the lifetime and never causes a wrong deletion. A repository is known by its ARN (account, region,
 * name) and its creation time, so one deleted and made again under the same name is read afresh.
 */
final class RepositoryTags {
    static final Duration LIFETIME = Duration.ofMinutes(5);

    /** Who a repository is: the same name made again is another repository. */
    private record Key(String arn, Instant createdAt) {
        Key(Repository repo) {
            this(repo.repositoryArn(), repo.createdAt());
        }
    }

    private record Read(Map<String, String> tags, long until) {
    }

    private final Map<Key, Read> read = new ConcurrentHashMap<>();
    private final Clock clock;

    RepositoryTags(Clock clock) {
        this.clock = clock;
    }

    /** The repository's tags, as read within the lifetime. */
    Map<String, String> of(AwsClients aws, Repository repo) {
        Read known = read.get(new Key(repo));
        return known != null && clock.millis() < known.until() ? known.tags() : fresh(aws, repo);
    }

    /** Forgets what has expired, so the memory holds at most the repositories seen within one lifetime. */
    void expire() {
        long now = clock.millis();
        read.values().removeIf(r -> now >= r.until());
    }

    /** The repository's tags read now (and remembered). */
    Map<String, String> fresh(AwsClients aws, Repository repo) {
        Map<String, String> tags = Map.copyOf(AwsMarks.ecr(aws.ecr().listTagsForResource(r -> r.resourceArn(
                repo.repositoryArn())).tags()));
        read.put(new Key(repo), new Read(tags, clock.millis() + LIFETIME.toMillis()));
        return tags;
    }
}
