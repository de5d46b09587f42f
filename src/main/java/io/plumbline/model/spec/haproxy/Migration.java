package io.plumbline.model.spec.haproxy;

import io.plumbline.model.spec.Durations;
import io.plumbline.model.spec.Lists;
import java.time.Duration;
import java.util.List;

/**
 * A backend's traffic moved from the servers {@code from} to the servers {@code to} by steps: at each step the
 * {@code to} group gets that percentage of the requests (through weights set on the runtime API, no reload), holds it
 * for {@code hold} while {@code analysis} is checked, and goes on to the next step only when every check passed.
 *
 * @param steps percentages of traffic for {@code to}, increasing, the last one 100
 * @param hold  how long each step is held and analysed before the next (a duration)
 */
public record Migration(List<String> from, List<String> to, List<Integer> steps, String hold, Analysis analysis) {
    public Migration {
        from = Lists.of(from);
        to = Lists.of(to);
        steps = Lists.of(steps);
    }

    public Duration holdDuration() {
        return Durations.parse(hold);
    }
}
