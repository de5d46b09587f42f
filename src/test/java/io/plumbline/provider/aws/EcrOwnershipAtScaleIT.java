package io.plumbline.provider.aws;

import static io.plumbline.provider.aws.Reconciles.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Action;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Marks;
import io.plumbline.model.ObjectResult;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecr.model.Tag;

/**
 * Many environments that prune share one account's ECR repositories: each repository's tags are read once for all of
 * them, not once per environment, and a deletion still rests on the tags the repository carries when it is deleted.
 */
class EcrOwnershipAtScaleIT {
    private static final int ENVIRONMENTS = 8;

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    final SeededAccount account = SeededAccount.empty(MOTO);

    /** The ECR fixture as environment {@code name}, declaring repository {@code <name>-app}. */
    static LoadedEnvironment environment(String name) {
        Fixture fixture = Fixture.load("aws/ecr.yaml");
        fixture.at("/metadata").put("name", name);
        fixture.at("/spec/aws/ecr/repositories/0").put("name", name + "-app");
        return fixture.environment();
    }

    private void repository(String name, String environment) {
        List<Tag> marks = environment == null ? List.of() : List.of(
                Tag.builder().key(Marks.AWS_ENVIRONMENT_TAG).value(environment).build(),
                Tag.builder().key(Marks.AWS_MANAGED_TAG).value("true").build());
        account.hand().ecr().createRepository(r -> r.repositoryName(name).tags(marks));
    }

    private boolean exists(String name) {
        return account.hand().ecr().describeRepositories().repositories().stream()
                .anyMatch(r -> r.repositoryName().equals(name));
    }

    @Test
    void eachRepositorysTagsAreReadOnceForAllEnvironmentsAndEachPrunesExactlyItsOwn() {
        for (int i = 0; i < ENVIRONMENTS; i++) {
            repository("env-" + i + "-app", "env-" + i);
            repository("env-" + i + "-old", "env-" + i);
        }
        repository("someone-elses", null);
        repository("half-marked", null);
        account.hand().ecr().tagResource(r -> r.resourceArn(account.hand().ecr()
                .describeRepositories(d -> d.repositoryNames("half-marked")).repositories().get(0).repositoryArn())
                .tags(Tag.builder().key(Marks.AWS_ENVIRONMENT_TAG).value("env-0").build()));
        int repositories = 2 * ENVIRONMENTS + 2;
        account.provider().calls().clear();

        List<ChangeSet> plans = IntStream.range(0, ENVIRONMENTS).mapToObj(i -> plan(account.provider(),
                environment("env-" + i))).toList();

        for (int i = 0; i < ENVIRONMENTS; i++) {
            assertThat(plans.get(i).with(Action.DELETE)).extracting(c -> c.key().name())
                    .containsExactly("env-" + i + "-old");
        }
        long tagReads = account.provider().calls().calls().stream()
                .filter(c -> c.operation().equals("ListTagsForResource")).count();
        // Read per environment, it would be one read per repository it does not declare: 8 x 17 = 136. Once for
        // all, it is one per repository (twice if the round outlasted the memory's lifetime).
        assertThat(tagReads).isBetween((long) repositories, 2L * repositories);
    }

    @Test
    void aRepositoryWhoseMarksWereTakenOffAfterThePlanIsKept() {
        LoadedEnvironment env = environment("env-0");
        repository("env-0-app", "env-0");
        repository("env-0-old", "env-0");
        ChangeSet planned = plan(account.provider(), env);
        assertThat(planned.with(Action.DELETE)).extracting(c -> c.key().name()).containsExactly("env-0-old");

        String arn = account.hand().ecr().describeRepositories(d -> d.repositoryNames("env-0-old")).repositories()
                .get(0).repositoryArn();
        account.hand().ecr().untagResource(r -> r.resourceArn(arn)
                .tagKeys(Marks.AWS_ENVIRONMENT_TAG, Marks.AWS_MANAGED_TAG));
        List<ObjectResult> results = account.provider().apply(env, planned);

        assertThat(results).filteredOn(r -> r.key().name().equals("env-0-old")).singleElement()
                .satisfies(r -> {
                    assertThat(r.result()).isEqualTo(ObjectResult.Result.FAILED);
                    assertThat(r.message()).contains("no longer carries this environment's marks");
                });
        assertThat(exists("env-0-old")).isTrue();
        assertThat(plan(account.provider(), env).with(Action.DELETE)).isEmpty();
    }
}
