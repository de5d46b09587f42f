package io.plumbline.provider.aws.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Marks;
import io.plumbline.model.Resource;
import io.plumbline.provider.aws.AwsClients;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsProvider;
import io.plumbline.provider.aws.CallCounter;
import io.plumbline.provider.aws.Fixture;
import io.plumbline.provider.aws.MotoServer;
import io.plumbline.provider.aws.TestClients;
import io.plumbline.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecr.model.Tag;

/**
 * The memory of ECR tags on a clock the test moves: environments' checks within its lifetime read no tag again,
 * repositories without an environment's marks are not part of its plan, and a repository that gained the marks by
 * hand after its tags were remembered is pruned once the memory has expired, not before.
 */
class EcrTagMemoryIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private final CallCounter calls = new CallCounter();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final EcrRepositories kind = new EcrRepositories(clock);
    private AwsClients hand;
    private AwsClients clients;
    private AwsProvider planner;

    @BeforeEach
    void start() {
        MOTO.reset();
        hand = TestClients.create(MOTO.connection());
        clients = TestClients.counted(MOTO.connection(), calls);
        // Renders and judges plans only: every read of this test goes through the kind and its clock.
        planner = new AwsProvider(MOTO.connection(), Duration.ZERO);
    }

    @AfterEach
    void stop() {
        planner.close();
        clients.close();
        hand.close();
    }

    /** The ECR fixture as environment {@code name}, declaring repository {@code <name>-app}. */
    private static LoadedEnvironment environment(String name) {
        Fixture fixture = Fixture.load("aws/ecr.yaml");
        fixture.at("/metadata").put("name", name);
        fixture.at("/spec/aws/ecr/repositories/0").put("name", name + "-app");
        return fixture.environment();
    }

    private void repository(String name, Map<String, String> tags) {
        hand.ecr().createRepository(r -> r.repositoryName(name).tags(tags(tags)));
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
    }

    private static Map<String, String> marks(String environment) {
        return Map.of(Marks.AWS_ENVIRONMENT_TAG, environment, Marks.AWS_MANAGED_TAG, "true");
    }

    private ChangeSet plan(LoadedEnvironment env) {
        List<Resource> desired = planner.render(env);
        return planner.diff(env, desired, kind.observe(new AwsContext(clients, env), desired));
    }

    private long tagReads() {
        return calls.calls().stream().filter(c -> c.operation().equals("ListTagsForResource")).count();
    }

    @Test
    void plansLeaveUnmarkedRepositoriesOutAndChecksWithinTheLifetimeReadNoTagsAgain() {
        for (String env : List.of("env-0", "env-1", "env-2")) {
            repository(env + "-app", marks(env));
            repository(env + "-old", marks(env));
        }
        repository("someone-elses", Map.of());
        repository("half-marked", Map.of(Marks.AWS_ENVIRONMENT_TAG, "env-0"));
        repository("another-tool", Map.of(Marks.AWS_ENVIRONMENT_TAG, "env-0", Marks.AWS_MANAGED_TAG, "false"));

        List<ChangeSet> first = new ArrayList<>();
        for (String env : List.of("env-0", "env-1", "env-2")) {
            first.add(plan(environment(env)));
        }
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i).changes()).extracting(c -> c.key().name())
                    .containsExactlyInAnyOrder("env-" + i + "-app", "env-" + i + "-old");
            assertThat(first.get(i).with(Action.DELETE)).extracting(c -> c.key().name())
                    .containsExactly("env-" + i + "-old");
        }
        assertThat(tagReads()).as("each repository's tags, once for all environments").isEqualTo(9);

        clock.advance(RepositoryTags.LIFETIME.minusSeconds(1));
        calls.clear();
        for (String env : List.of("env-0", "env-1", "env-2")) {
            assertThat(plan(environment(env)).with(Action.DELETE)).hasSize(1);
        }
        assertThat(tagReads()).as("checks within the lifetime").isZero();

        clock.advance(Duration.ofSeconds(1));
        plan(environment("env-0"));
        assertThat(tagReads()).as("read again once the lifetime is over").isEqualTo(9);
    }

    @Test
    void aRepositoryThatGainedTheMarksAfterItsTagsWereRememberedIsPrunedOnceTheMemoryExpires() {
        LoadedEnvironment env = environment("team");
        repository("team-app", marks("team"));
        repository("stray", Map.of());
        assertThat(plan(env).changes()).extracting(c -> c.key().name()).containsExactly("team-app");

        String arn = hand.ecr().describeRepositories(r -> r.repositoryNames("stray")).repositories().get(0)
                .repositoryArn();
        hand.ecr().tagResource(r -> r.resourceArn(arn).tags(tags(marks("team"))));
        clock.advance(RepositoryTags.LIFETIME.minusSeconds(1));
        // Remembered without the marks: the prune waits, and nothing is deleted on the memory.
        assertThat(plan(env).with(Action.DELETE)).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        List<Change> deletes = plan(env).with(Action.DELETE);
        assertThat(deletes).extracting(c -> c.key().name()).containsExactly("stray");
        kind.apply(new AwsContext(clients, env), deletes.get(0));
        assertThat(hand.ecr().describeRepositories().repositories()).extracting(r -> r.repositoryName())
                .containsExactly("team-app");
    }
}
