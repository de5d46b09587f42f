package io.plumbline.provider.aws;

import static io.plumbline.provider.aws.Reconciles.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * them, not once per environment, a plan holds only the repositories the environment declares or marked, and a
 * deletion still rests on the tags the repository carries when it is deleted, read again for the repositories the
 * environment marked and no others.
 */
class EcrOwnershipAtScaleIT {
    private static final int ENVIRONMENTS = 8;
    /** The tag that records {@code deleteWithImages} on a repository Plumbline made. */
    private static final String DELETE_WITH_IMAGES = "plumbline:delete-with-images";

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
            // Neither the unmarked repositories nor the other environments' are part of the plan, not even as kept.
            assertThat(plans.get(i).changes()).extracting(c -> c.key().name())
                    .containsExactlyInAnyOrder("env-" + i + "-app", "env-" + i + "-old");
        }
        // Read per environment, it would be one read per repository it does not declare: 8 x 17 = 136. Once for
        // all, it is one per repository (twice if the round outlasted the memory's lifetime of minutes).
        assertThat(tagReads()).isBetween((long) repositories, 2L * repositories);
    }

    private long tagReads() {
        return account.provider().calls().calls().stream()
                .filter(c -> c.operation().equals("ListTagsForResource")).count();
    }

    /**
     * The plan rests on the remembered tags; the marks are confirmed before the deletion by reading again the tags of
     * the repositories the environment marked (one here), not those of the whole account.
     */
    @Test
    void aRepositoryWhoseMarksWereTakenOffAfterThePlanIsKept() {
        LoadedEnvironment env = environment("env-0");
        repository("env-0-app", "env-0");
        repository("env-0-old", "env-0");
        repository("env-1-app", "env-1");
        repository("env-1-old", "env-1");
        repository("someone-elses", null);
        ChangeSet planned = plan(account.provider(), env);
        assertThat(planned.with(Action.DELETE)).extracting(c -> c.key().name()).containsExactly("env-0-old");

        String arn = account.hand().ecr().describeRepositories(d -> d.repositoryNames("env-0-old")).repositories()
                .get(0).repositoryArn();
        account.hand().ecr().untagResource(r -> r.resourceArn(arn)
                .tagKeys(Marks.AWS_ENVIRONMENT_TAG, Marks.AWS_MANAGED_TAG));
        account.provider().calls().clear();
        List<ObjectResult> results = account.provider().apply(env, planned);

        assertThat(tagReads()).as("the tags of env-0-old, read again before deleting").isEqualTo(1);

        assertThat(results).filteredOn(r -> r.key().name().equals("env-0-old")).singleElement()
                .satisfies(r -> {
                    assertThat(r.result()).isEqualTo(ObjectResult.Result.FAILED);
                    assertThat(r.message()).contains("no longer carries this environment's marks");
                });
        assertThat(exists("env-0-old")).isTrue();
        assertThat(plan(account.provider(), env).with(Action.DELETE)).isEmpty();
    }

    /**
     * Whether a repository that holds images may be deleted is a tag too ({@code deleteWithImages}, recorded when it
     * was made): the deletion follows the tag as read again before deleting, not as the plan remembered it.
     */
    @Test
    void aRepositoryHoldingImagesIsDeletedOnlyIfItStillSaysSoWhenDeleted() {
        Fixture fixture = Fixture.load("aws/ecr.yaml");
        ((ArrayNode) fixture.tree().at("/spec/aws/ecr/repositories")).addObject().put("name", "team-cache")
                .put("tagMutability", "MUTABLE").put("scanOnPush", false).put("deleteWithImages", true);
        Reconciles.apply(account.provider(), fixture.environment());
        EcrImages.push(account.hand(), "team-cache", "v1");
        ((ArrayNode) fixture.tree().at("/spec/aws/ecr/repositories")).remove(1);
        ChangeSet planned = plan(account.provider(), fixture.environment());
        assertThat(planned.with(Action.DELETE)).singleElement()
                .satisfies(c -> assertThat(c.actual().body()).containsEntry("deleteWithImages", true));

        String arn = account.hand().ecr().describeRepositories(d -> d.repositoryNames("team-cache")).repositories()
                .get(0).repositoryArn();
        account.hand().ecr().untagResource(r -> r.resourceArn(arn).tagKeys(DELETE_WITH_IMAGES));
        assertThat(account.provider().apply(fixture.environment(), planned))
                .filteredOn(r -> r.key().name().equals("team-cache")).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("still holds images"));
        assertThat(exists("team-cache")).isTrue();

        account.hand().ecr().tagResource(r -> r.resourceArn(arn).tags(Tag.builder()
                .key(DELETE_WITH_IMAGES).value("true").build()));
        assertThat(account.provider().apply(fixture.environment(), planned))
                .filteredOn(r -> r.key().name().equals("team-cache")).singleElement()
                .satisfies(r -> assertThat(r.result()).isEqualTo(ObjectResult.Result.DELETED));
        assertThat(exists("team-cache")).isFalse();
    }
}
