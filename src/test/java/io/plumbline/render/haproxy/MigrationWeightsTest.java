package io.plumbline.render.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.spec.haproxy.Analysis;
import io.plumbline.model.spec.haproxy.Migration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The weights of a step send that share of the traffic to the new group, in HAProxy's range. */
class MigrationWeightsTest {
    private static Migration migration(int from, int to) {
        return new Migration(IntStream.range(0, from).mapToObj(i -> "old" + i).toList(),
                IntStream.range(0, to).mapToObj(i -> "new" + i).toList(), List.of(5, 25, 50, 100), "60s",
                new Analysis("http://prometheus:9090", "up", 0.01, "20s"));
    }

    @Test
    void oneServerEachGetsTheStepInSmallestWholeNumbers() {
        Migration m = migration(1, 1);
        assertThat(MigrationWeights.at(m, 5)).isEqualTo(Map.of("old0", 19, "new0", 1));
        assertThat(MigrationWeights.at(m, 25)).isEqualTo(Map.of("old0", 3, "new0", 1));
        assertThat(MigrationWeights.at(m, 50)).isEqualTo(Map.of("old0", 1, "new0", 1));
        assertThat(MigrationWeights.at(m, 100)).isEqualTo(Map.of("old0", 0, "new0", 1));
        assertThat(MigrationWeights.at(m, 0)).isEqualTo(Map.of("old0", 1, "new0", 0));
    }

    @ParameterizedTest
    @CsvSource({"1,1", "1,2", "2,1", "3,2", "2,3", "4,4"})
    void everyPercentageIsTheShareItsWeightsSend(int from, int to) {
        Migration m = migration(from, to);
        for (int percent = 0; percent <= 100; percent++) {
            Map<String, Integer> weights = MigrationWeights.at(m, percent);
            assertThat(weights.values()).allSatisfy(w -> assertThat(w).isBetween(0, MigrationWeights.MAX));
            // Exact where HAProxy's range allows it; never more than one point off where it is rounded into it.
            assertThat(MigrationWeights.share(m, weights)).as("%d%% with %d:%d", percent, from, to)
                    .isBetween(percent - 1, percent + 1);
        }
        assertThat(MigrationWeights.share(m, MigrationWeights.at(m, 5))).isEqualTo(5);
        assertThat(MigrationWeights.share(m, MigrationWeights.at(m, 100))).isEqualTo(100);
    }

    @Test
    void aShareBelowWhatHaproxyCanExpressGetsTheNearestItCan() {
        // Seven new servers at weight 1 against one old one at 256 is the least they can get: 7/263 of the traffic.
        Migration m = migration(1, 7);
        assertThat(MigrationWeights.at(m, 1)).containsEntry("old0", 256).containsEntry("new0", 1);
        assertThat(MigrationWeights.share(m, MigrationWeights.at(m, 1))).isEqualTo(3);
    }

    @Test
    void noWeightAtAllIsNoShare() {
        assertThat(MigrationWeights.share(migration(1, 1), Map.of("old0", 0, "new0", 0))).isZero();
        assertThat(MigrationWeights.share(migration(1, 1), Map.of())).isZero();
    }
}
