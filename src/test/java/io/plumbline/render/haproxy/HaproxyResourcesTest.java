package io.plumbline.render.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.plumbline.diff.Planner;
import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Resource;
import io.plumbline.model.spec.haproxy.Backend;
import io.plumbline.model.spec.haproxy.HaproxySpec;
import io.plumbline.model.spec.haproxy.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class HaproxyResourcesTest {
    private final LoadedEnvironment production = HaproxyEnvironments.production();

    @Test
    void oneConfigAndOneResourcePerServer() {
        assertThat(desired(production)).extracting(r -> r.key().toString()).containsExactly(
                "haproxy Config /etc/haproxy/haproxy.cfg", "haproxy Server backendnodes/aws",
                "haproxy Server backendnodes/example", "haproxy Server thoughts/t1");
    }

    @Test
    void stateAndWeightAreRuntimeChangesOnly() {
        ChangeSet plan = plan(withServers(s -> new Server(s.name(), s.address(), 9, "drain", s.check())));

        assertThat(plan.filter(c -> c.action().writes())).extracting(c -> c.key().name())
                .containsExactlyInAnyOrder("aws", "example");
    }

    @Test
    void aNewServerChangesTheConfigToo() {
        HaproxySpec spec = production.environment().spec().haproxy();
        List<Server> servers = new ArrayList<>(spec.backends().get(0).servers());
        servers.add(new Server("new", "10.0.0.30:80", null, null, null));
        ChangeSet plan = plan(withServers(spec, servers));

        assertThat(plan.filter(c -> c.action().writes())).extracting(Change::action, c -> c.key().name())
                .containsExactlyInAnyOrder(tuple(Action.UPDATE,
                        "/etc/haproxy/haproxy.cfg"), tuple(Action.CREATE, "new"));
    }

    private ChangeSet plan(LoadedEnvironment changed) {
        return Planner.exact().plan(desired(changed), desired(production), true);
    }

    private LoadedEnvironment withServers(UnaryOperator<Server> change) {
        HaproxySpec spec = production.environment().spec().haproxy();
        return withServers(spec, spec.backends().get(0).servers().stream().map(change).toList());
    }

    private static LoadedEnvironment withServers(HaproxySpec spec, List<Server> servers) {
        Backend first = spec.backends().get(0);
        List<Backend> backends = new ArrayList<>(spec.backends());
        backends.set(0, new Backend(first.name(), first.balance(), first.forwardFor(), first.healthCheck(), servers));
        return HaproxyEnvironments.loaded("production", new HaproxySpec(spec.config(), spec.masterSocket(),
                spec.runtimeSocket(), spec.stateFile(), spec.global(), spec.defaults(), spec.frontends(), backends,
                spec.stats(), List.of()));
    }

    private static List<Resource> desired(LoadedEnvironment env) {
        return HaproxyResources.desired(env, HaproxyPaths.of(env.environment().spec().haproxy(), null));
    }
}
