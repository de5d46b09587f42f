package io.plumbline.model.spec.aws;

/**
 * @param recurrence a five-field cron expression in UTC unless {@code timeZone} says otherwise
 * @param startTime  ISO-8601 instant, optional
 * @param endTime    ISO-8601 instant, optional
 */
public record ScheduledAction(String name, String recurrence, Integer min, Integer max, Integer desired,
                              String startTime, String endTime, String timeZone) {
}
