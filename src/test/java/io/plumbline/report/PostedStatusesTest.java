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

    @Test
    void aStatusAppendsOneLineAndTheWholeMemoryIsWrittenOnlyOnceTheJournalIsAsLongAsIt() throws Exception {
        PostedStatuses posted = new PostedStatuses(folder, 4);
        for (int i = 0; i < 5; i++) {
            posted.remember(status("plumbline/env" + i, CommitStatus.State.SUCCESS, "ok"));
        }
        // The fifth found a journal of four lines: the memory went whole to the snapshot and the journal restarted.
        Path snapshot = folder.resolve(PostedStatuses.FILE_NAME);
        Path journal = folder.resolve(PostedStatuses.JOURNAL_NAME);
        byte[] compacted = Files.readAllBytes(snapshot);
        assertThat(journal).doesNotExist();

        posted.remember(status("plumbline/env5", CommitStatus.State.SUCCESS, "ok"));
        posted.remember(status("plumbline/env6", CommitStatus.State.PENDING, "applying"));

        assertThat(Files.readAllBytes(snapshot)).isEqualTo(compacted);
        assertThat(Files.readAllLines(journal)).hasSize(2);
        PostedStatuses reloaded = new PostedStatuses(folder, 4);
        assertThat(reloaded.size()).isEqualTo(4);
        assertThat(reloaded.alreadyPosted(status("plumbline/env6", CommitStatus.State.PENDING, "applying"))).isTrue();
        assertThat(reloaded.alreadyPosted(status("plumbline/env3", CommitStatus.State.SUCCESS, "ok"))).isTrue();
        assertThat(reloaded.alreadyPosted(status("plumbline/env2", CommitStatus.State.SUCCESS, "ok"))).isFalse();
    }

    @Test
    void aLineTornByACrashIsPassedOverAndNothingIsAppendedToIt() throws Exception {
        PostedStatuses posted = new PostedStatuses(folder, 10);
        posted.remember(status("plumbline/staging", CommitStatus.State.SUCCESS, "ok"));
        Path journal = folder.resolve(PostedStatuses.JOURNAL_NAME);
        Files.writeString(journal, Files.readString(journal) + "{\"slot\":\"abc");

        PostedStatuses reloaded = new PostedStatuses(folder, 10);
        reloaded.remember(status("plumbline/production", CommitStatus.State.SUCCESS, "ok"));

        PostedStatuses again = new PostedStatuses(folder, 10);
        assertThat(again.size()).isEqualTo(2);
        assertThat(again.alreadyPosted(status("plumbline/staging", CommitStatus.State.SUCCESS, "ok"))).isTrue();
        assertThat(again.alreadyPosted(status("plumbline/production", CommitStatus.State.SUCCESS, "ok"))).isTrue();
    }

    private static CommitStatus status(String context, CommitStatus.State state, String description) {
        return new CommitStatus(Outcomes.COMMIT, context, state, description, null);
    }
}
