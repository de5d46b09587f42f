package io.plumbline.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Problem;
import io.plumbline.model.spec.CronSchedule;
import io.plumbline.testing.MemoryFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sync windows are checked beyond their shape, and their schedules match the minutes cron would. */
class SyncWindowChecksTest {

    @Test
    void aBadScheduleAnUnknownZoneAndAnOverlongWindowAreRefusedAtTheirPositions() throws IOException {
        String file = """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: windowed}
                spec:
                  sync:
                    windows:
                      - {kind: deny, schedule: '0 25 * * *', duration: 1h}
                      - {kind: allow, schedule: '0 22 * * *', duration: 1h, timeZone: Mars/Olympus}
                      - {kind: allow, schedule: '0 22 * * *', duration: 8d}
                      - {kind: deny, schedule: '*/15 9-17 * JAN-MAR MON-FRI', duration: 5m, timeZone: Europe/Berlin}
                      - {kind: deny, schedule: '0 MON * * *', duration: 5m}
                """;
        LoadResult result = new EnvironmentLoader().loadAll(new MemoryFiles(
                Map.of("environments/windowed.yaml", file.getBytes(StandardCharsets.UTF_8))));

        assertThat(result.allProblems()).extracting(Problem::toString).containsExactly(
                "environments/windowed.yaml:7:32: /spec/sync/windows/0/schedule: hour 25 is out of range 0-23 in"
                        + " '0 25 * * *'",
                "environments/windowed.yaml:8:71: /spec/sync/windows/1/timeZone: unknown time zone 'Mars/Olympus'",
                "environments/windowed.yaml:9:57: /spec/sync/windows/2/duration: a window lasts from 1m to 7d, not 8d",
                "environments/windowed.yaml:11:32: /spec/sync/windows/4/schedule: 'MON' is not a number this field"
                        + " takes in '0 MON * * *'");
    }

    @Test
    void schedulesMatchLikeCron() {
        CronSchedule weekdays = new CronSchedule("*/15 9-17 * JAN-MAR MON-FRI");
        assertThat(weekdays.matches(at("2027-01-04T09:45"))).as("a Monday").isTrue();
        assertThat(weekdays.matches(at("2027-01-04T09:50"))).isFalse();
        assertThat(weekdays.matches(at("2027-01-03T09:45"))).as("a Sunday").isFalse();
        assertThat(weekdays.matches(at("2027-04-05T09:45"))).as("April").isFalse();

        CronSchedule either = new CronSchedule("0 0 1 * 0");
        assertThat(either.matches(at("2027-01-03T00:00"))).as("a Sunday, not the 1st").isTrue();
        assertThat(either.matches(at("2027-02-01T00:00"))).as("the 1st, a Monday").isTrue();
        assertThat(either.matches(at("2027-02-02T00:00"))).isFalse();
        assertThat(new CronSchedule("0 0 * * 7").matches(at("2027-01-03T00:00"))).as("7 is Sunday too").isTrue();
    }

    private static ZonedDateTime at(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), ZoneOffset.UTC);
    }
}
