package io.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommitStatusTest {
    final Statuses statuses = new Statuses("https://plumbline.example.com/environments/{environment}");

    @Test
    void eachResultMapsToItsState() {
        assertThat(statuses.finished(Outcomes.success(), StatusContext.APPLY).state())
                .isEqualTo(CommitStatus.State.SUCCESS);
        assertThat(statuses.finished(Outcomes.failure("timed out"), StatusContext.APPLY).state())
                .isEqualTo(CommitStatus.State.FAILURE);
        assertThat(statuses.finished(Outcomes.invalid(), StatusContext.APPLY).state())
                .isEqualTo(CommitStatus.State.FAILURE);
        assertThat(statuses.finished(Outcomes.refused(), StatusContext.APPLY).state())
                .isEqualTo(CommitStatus.State.ERROR);
    }

    @Test
    void contextsNameTheEnvironmentAndTheKind() {
        assertThat(StatusContext.APPLY.of("production")).isEqualTo("plumbline/production");
        assertThat(StatusContext.DRIFT.of("production")).isEqualTo("plumbline/production/drift");
        assertThat(StatusContext.PLAN.of("production")).isEqualTo("plumbline/production/plan");
        assertThat(statuses.pending("staging", Outcomes.REVISION, StatusContext.PLAN).description())
                .isEqualTo("planning staging at 3f2a9c41d07b");
    }

    @Test
    void aLongMultiLineErrorBecomesOneLineOf140Characters() {
        String error = "kubernetes apply of example/frontend failed:\n  " + "x".repeat(300);

        String description = statuses.finished(Outcomes.failure(error), StatusContext.APPLY).description();

        assertThat(description).hasSize(CommitStatus.MAX_DESCRIPTION).doesNotContain("\n")
                .startsWith("kubernetes apply of example/frontend failed: xxx").endsWith("…");
    }

    @Test
    void theLinkNamesTheEnvironmentEncodedOrIsLeftOut() {
        assertThat(statuses.pending("blue#2", Outcomes.REVISION, StatusContext.APPLY).targetUrl())
                .isEqualTo("https://plumbline.example.com/environments/blue%232");
        assertThat(new Statuses(" ").pending("staging", Outcomes.REVISION, StatusContext.APPLY).targetUrl()).isNull();
    }

    @Test
    void aBadCommitOrContextIsRefused() {
        assertThatThrownBy(() -> new CommitStatus("main", "plumbline/staging", CommitStatus.State.SUCCESS, "", null))
                .hasMessageContaining("hex sha");
        assertThatThrownBy(() -> new CommitStatus(Outcomes.COMMIT, "plumbline/my env", CommitStatus.State.SUCCESS,
                "", null)).hasMessageContaining("one word");
    }

    @Test
    void hostStatesAndBitbucketKeys() {
        assertThat(GitLabReporter.state(CommitStatus.State.PENDING)).isEqualTo("running");
        assertThat(GitLabReporter.state(CommitStatus.State.ERROR)).isEqualTo("failed");
        assertThat(BitbucketReporter.state(CommitStatus.State.ERROR)).isEqualTo("FAILED");
        assertThat(BitbucketReporter.key("plumbline/staging/drift")).isEqualTo("plumbline/staging/drift");
        String a = BitbucketReporter.key("plumbline/production-eu-west-1-payments-blue/drift");
        String b = BitbucketReporter.key("plumbline/production-eu-west-1-payments-blue/plan");
        assertThat(a).hasSize(40).isNotEqualTo(b)
                .isEqualTo(BitbucketReporter.key("plumbline/production-eu-west-1-payments-blue/drift"));
    }
}
