package io.plumbline.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Change;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.model.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeletionGuardTest {

    private static Resource actual(String name, boolean owned) {
        return new Resource(ResourceKey.of("aws", "DnsRecord", "example.com", name), Map.of(), owned);
    }

    /** {@code owned} marked objects kept, {@code deleted} marked ones deleted, {@code foreign} unmarked ones kept. */
    private static ChangeSet plan(int owned, int deleted, int foreign) {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < owned; i++) {
            Resource r = actual("kept-" + i, true);
            changes.add(Change.noop(r, r));
        }
        for (int i = 0; i < deleted; i++) {
            changes.add(Change.delete(actual("gone-" + i, true)));
        }
        for (int i = 0; i < foreign; i++) {
            changes.add(Change.orphan(actual("theirs-" + i, false), "not managed here"));
        }
        return new ChangeSet(changes);
    }

    @Test
    void unmarkedObjectsAreNotCountedSoTheShareIsOfWhatPlumblineOwns() {
        DeletionGuard.Verdict v = DeletionGuard.verdict("aws", plan(8, 2, 90), 20, new Revision("c", "main", ""));
        assertThat(v.managed()).isEqualTo(10);
        assertThat(v.refused()).isFalse();

        DeletionGuard.Verdict over = DeletionGuard.verdict("aws", plan(7, 3, 90), 20, new Revision("c", "main", ""));
        assertThat(over.refused()).isTrue();
        assertThat(over.reason()).contains("3 of 10 owned objects");
        assertThat(over.trailer()).isEqualTo("Plumbline-Allow-Deletes: 3");
    }

    @Test
    void theVerdictRefusesUntilTheTrailerAllowsTheCount() {
        ChangeSet all = plan(0, 4, 3);
        Revision plain = new Revision("c", "main", "drop everything");
        assertThat(DeletionGuard.verdict("aws", all, 20, plain).reason())
                .contains("all of them").contains("Plumbline-Allow-Deletes: 4");
        Revision tooFew = new Revision("c", "main", "drop\n\nPlumbline-Allow-Deletes: 3");
        assertThat(DeletionGuard.verdict("aws", all, 20, tooFew).refused()).isTrue();
        Revision allowed = new Revision("c", "main", "drop\n\nPlumbline-Allow-Deletes: 4");
        assertThat(DeletionGuard.verdict("aws", all, 20, allowed).refused()).isFalse();
    }
}
