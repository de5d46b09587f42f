package io.plumbline.provider.haproxy;

import io.plumbline.model.Health;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.spec.haproxy.Backend;
import io.plumbline.model.spec.haproxy.Server;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Healthy when everything applied and every checked server declared ready passes its health check. */
final class HaproxyHealth {
    private final RuntimeApi runtime;

    HaproxyHealth(RuntimeApi runtime) {
        this.runtime = runtime;
    }

    Health await(LoadedEnvironment env, List<ObjectResult> applied, Duration timeout) {
        List<String> failed = applied.stream().filter(r -> r.result() == ObjectResult.Result.FAILED)
                .map(r -> r.key() + ": " + r.message()).toList();
        if (!failed.isEmpty()) {
            return Health.degraded(String.join("\n", failed));
        }
        List<String> expectedUp = new ArrayList<>();
        for (Backend backend : env.environment().spec().haproxy().backends()) {
            for (Server server : backend.servers()) {
                if (server.check() && server.state().equals("ready")) {
                    expectedUp.add(backend.name() + "/" + server.name());
                }
            }
        }
        Optional<List<String>> allUp = UnixSocketClient.ANSWERS.until(timeout, () -> down(expectedUp).isEmpty()
                ? Optional.of(List.of()) : Optional.empty());
        return allUp.isPresent() ? Health.HEALTHY
                : Health.degraded("failing health checks: " + String.join(", ", down(expectedUp)));
    }

    private List<String> down(List<String> expectedUp) {
        Set<String> up = runtime.servers().stream().filter(LiveServer::up)
                .map(s -> s.backend() + "/" + s.name()).collect(Collectors.toSet());
        return expectedUp.stream().filter(s -> !up.contains(s)).toList();
    }
}
