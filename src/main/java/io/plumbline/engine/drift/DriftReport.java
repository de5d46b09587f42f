package io.plumbline.engine.drift;

import java.util.List;

/** The drift of one environment at its last check. */
public record DriftReport(String environment, String commit, String checkedAt, List<DriftEntry> entries) {
    public long resources() {
        return entries.stream().map(DriftEntry::resource).distinct().count();
    }
}
