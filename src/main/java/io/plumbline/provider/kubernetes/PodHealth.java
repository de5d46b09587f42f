package io.plumbline.provider.kubernetes;

import io.plumbline.render.kubernetes.Nodes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why a pod keeps a rollout from completing, when it says: a container waiting with a reason (CrashLoopBackOff,
 * ImagePullBackOff), a running container that is not ready (its readiness probe fails), or an unschedulable pod.
 */
final class PodHealth {
    private PodHealth() {
    }

    static Optional<String> problem(Map<String, Object> pod) {
        String name = String.valueOf(Nodes.at(pod, "metadata", "name"));
        if (Nodes.at(pod, "status", "containerStatuses") instanceof List<?> statuses) {
            for (Object s : statuses) {
                Optional<String> problem = containerProblem((Map<?, ?>) s);
                if (problem.isPresent()) {
                    return Optional.of("pod " + name + ": " + problem.get());
                }
            }
        }
        var scheduled = Conditions.find(pod, "PodScheduled");
        if (scheduled.isPresent() && Conditions.is(scheduled.get(), "False")) {
            return Optional.of("pod " + name + " cannot be scheduled: " + Conditions.text(scheduled.get()));
        }
        return Optional.empty();
    }

    private static Optional<String> containerProblem(Map<?, ?> status) {
        Object container = status.get("name");
        Map<?, ?> state = status.get("state") instanceof Map<?, ?> m ? m : Map.of();
        if (state.get("waiting") instanceof Map<?, ?> waiting && waiting.get("reason") != null) {
            Object message = waiting.get("message");
            return Optional.of("container " + container + " is waiting: " + waiting.get("reason")
                    + (message == null ? "" : " (" + message + ")"));
        }
        if (state.get("terminated") instanceof Map<?, ?> terminated) {
            return Optional.of("container " + container + " terminated: " + terminated.get("reason"));
        }
        if (state.containsKey("running") && Boolean.FALSE.equals(status.get("ready"))) {
            return Optional.of("container " + container + " is running but not ready (its readiness probe fails)");
        }
        return Optional.empty();
    }
}
