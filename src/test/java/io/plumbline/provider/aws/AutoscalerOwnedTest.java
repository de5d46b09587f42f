package io.plumbline.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutoscalerOwnedTest {
    private static final ResourceKey GROUP = ResourceKey.of("aws", "AutoScalingGroup", "", "nodes");

    @ParameterizedTest(name = "declared 1..4 desired 2, found {0} -> {1}")
    @CsvSource({"3, 3", "1, 1", "0, 2", "7, 2"})
    void desiredIsKeptInsideTheBoundsAndCorrectedOutside(int found, int settled) {
        Resource desired = Resource.desired(GROUP, Map.of("min", 1, "max", 4, "desired", 2));
        Resource actual = new Resource(GROUP, Map.of("min", 1, "max", 4, "desired", found), false);
        assertThat(AutoscalerOwned.settle(List.of(desired), List.of(actual)).get(0).body())
                .containsEntry("desired", settled);
    }

    @Test
    void withoutADeclaredSizeTheNearestBoundIsUsed() {
        Resource desired = Resource.desired(GROUP, Map.of("min", 2, "max", 3));
        Resource actual = new Resource(GROUP, Map.of("min", 1, "max", 1, "desired", 1), false);
        assertThat(AutoscalerOwned.settle(List.of(desired), List.of(actual)).get(0).body())
                .containsEntry("desired", 2);
    }
}
