package io.plumbline.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one rule for AWS marks, and the one-line adapter of each SDK's tag type that every kind judges through. */
class AwsMarksTest {
    private static final AwsMarks STAGING = new AwsMarks("staging");

    @Test
    void bothTagsNamingThisEnvironmentAreItsMarks() {
        assertThat(STAGING.on(STAGING.tags())).isTrue();
        assertThat(STAGING.deletable(STAGING.tags())).isTrue();
        assertThat(AwsMarks.of(STAGING.tags())).isEqualTo("staging");
    }

    @Test
    void theMarksOfAnotherEnvironmentAreNotThisOnes() {
        Map<String, String> production = new AwsMarks("production").tags();

        assertThat(STAGING.on(production)).isFalse();
        assertThat(STAGING.deletable(production)).isFalse();
        assertThat(AwsMarks.of(production)).isEqualTo("production");
    }

    @Test
    void theEnvironmentTagWithoutTheManagedTagOrWithAnotherValueIsNoMark() {
        Map<String, String> unmanaged = Map.of("plumbline:environment", "staging");
        Map<String, String> managedFalse = Map.of("plumbline:environment", "staging", "plumbline:managed", "false");
        Map<String, String> managedTrueCased = Map.of("plumbline:environment", "staging", "plumbline:managed", "True");
        Map<String, String> environmentCased = Map.of("plumbline:environment", "Staging", "plumbline:managed", "true");

        for (Map<String, String> tags : List.of(unmanaged, managedFalse, managedTrueCased, environmentCased, Map.<String,
                String>of())) {
            assertThat(STAGING.on(tags)).as(tags.toString()).isFalse();
        }
        assertThat(AwsMarks.of(unmanaged)).isNull();
        assertThat(AwsMarks.of(managedFalse)).isNull();
    }

    @Test
    void marksTakenOffBetweenThePlanAndTheWriteLeaveNothingToDelete() {
        Map<String, String> atPlan = tags("Name", "web", "plumbline:environment", "staging", "plumbline:managed",
                "true");
        Map<String, String> atWrite = tags("Name", "web");

        assertThat(STAGING.deletable(atPlan)).isTrue();
        assertThat(STAGING.deletable(atWrite)).isFalse();
    }

    @Test
    void aSharedClusterTagKeepsWhatCarriesTheMarksFromBeingDeletedOnly() {
        Map<String, String> shared = tags("plumbline:environment", "staging", "plumbline:managed", "true",
                "kubernetes.io/cluster/hopper", "shared");
        Map<String, String> owned = tags("plumbline:environment", "staging", "plumbline:managed", "true",
                "kubernetes.io/cluster/hopper", "owned");

        assertThat(STAGING.on(shared)).isTrue();
        assertThat(STAGING.deletable(shared)).isFalse();
        assertThat(STAGING.deletable(owned)).isTrue();
    }

    @Test
    void everySdksTagsAreReadIntoTheSameMapTheRuleJudges() {
        Map<String, String> expected = tags("Name", "web", "plumbline:environment", "staging", "plumbline:managed",
                "true");

        assertThat(AwsMarks.ec2(expected.entrySet().stream().map(e -> software.amazon.awssdk.services.ec2.model.Tag
                .builder().key(e.getKey()).value(e.getValue()).build()).toList())).isEqualTo(expected);
        assertThat(AwsMarks.iam(expected.entrySet().stream().map(e -> software.amazon.awssdk.services.iam.model.Tag
                .builder().key(e.getKey()).value(e.getValue()).build()).toList())).isEqualTo(expected);
        assertThat(AwsMarks.elb(expected.entrySet().stream().map(e -> software.amazon.awssdk.services
                .elasticloadbalancingv2.model.Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()))
                .isEqualTo(expected);
        assertThat(AwsMarks.ecr(expected.entrySet().stream().map(e -> software.amazon.awssdk.services.ecr.model.Tag
                .builder().key(e.getKey()).value(e.getValue()).build()).toList())).isEqualTo(expected);
        assertThat(AwsMarks.autoScaling(expected.entrySet().stream().map(e -> software.amazon.awssdk.services
                .autoscaling.model.TagDescription.builder().key(e.getKey()).value(e.getValue()).build()).toList()))
                .isEqualTo(expected);
        assertThat(AwsMarks.tagging(expected.entrySet().stream().map(e -> software.amazon.awssdk.services
                .resourcegroupstaggingapi.model.Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()))
                .isEqualTo(expected);
    }

    @Test
    void aTagWithoutAValueIsReadAsOneAndMarksNothing() {
        List<software.amazon.awssdk.services.ec2.model.Tag> tags = List.of(
                software.amazon.awssdk.services.ec2.model.Tag.builder().key("plumbline:environment").build(),
                software.amazon.awssdk.services.ec2.model.Tag.builder().key("plumbline:managed").value("true").build());

        Map<String, String> read = AwsMarks.ec2(tags);

        assertThat(read).containsKey("plumbline:environment");
        assertThat(STAGING.on(read)).isFalse();
        assertThat(AwsMarks.of(read)).isNull();
    }

    @Test
    void theMapReadIsTheCallersToChange() {
        Map<String, String> read = AwsMarks.ec2(List.of(software.amazon.awssdk.services.ec2.model.Tag.builder()
                .key("Name").value("web").build()));

        read.remove("Name");

        assertThat(read).isEmpty();
    }

    private static Map<String, String> tags(String... keysAndValues) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}
