package io.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostedStatusesTest {
    @TempDir
    Path folder;

    @Test
    void whatWasPostedIsRememberedAcrossARestart() {
        new PostedStatuses(folder, 10).remember(status("plumbline/staging", CommitStatus.State.SUCCESS, "ok"));

        PostedStatuses reloaded = new PostedStatuses(folder, 10);

        assertThat(reloaded.alreadyPosted(status("plumbline/staging", CommitStatus.State.SUCCESS, "ok"))).isTrue();
        assertThat(reloaded.alreadyPosted(status("plumbline/staging", CommitStatus.State.FAILURE, "ok"))).isFalse();
        assertThat(reloaded.alreadyPosted(status("plumbline/staging", CommitStatus.State.SUCCESS, "other"))).isFalse();
        assertThat(reloaded.alreadyPosted(status("plumbline/staging/drift", CommitStatus.State.SUCCESS, "ok")))
                .isFalse();
    }

    @Test
    void theOldestAreForgottenBeyondTheBound() {
        PostedStatuses posted = new PostedStatuses(folder, 3);
        for (int i = 0; i < 5; i++) {
            posted.remember(status("plumbline/env" + i, CommitStatus.State.SUCCESS, "ok"));
        }

        PostedStatuses reloaded = new PostedStatuses(folder, 3);

        assertThat(reloaded.size()).isEqualTo(3);
        assertThat(reloaded.alreadyPosted(status("plumbline/env0", CommitStatus.State.SUCCESS, "ok"))).isFalse();
        assertThat(reloaded.alreadyPosted(status("plumbline/env4", CommitStatus.State.SUCCESS, "ok"))).isTrue();
    }

    @Test
    void aDamagedFileIsIgnoredAndReplaced() throws Exception {
        Files.writeString(folder.resolve(PostedStatuses.FILE_NAME), "{not json");

        PostedStatuses posted = new PostedStatuses(folder, 10);
        posted.remember(status("plumbline/staging", CommitStatus.State.SUCCESS, "ok"));

        assertThat(new PostedStatuses(folder, 10).size()).isEqualTo(1);
    }

    private static CommitStatus status(String context, CommitStatus.State state, String description) {
        return new CommitStatus(Outcomes.COMMIT, context, state, description, null);
    }
}
