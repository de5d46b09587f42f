package io.plumbline.provider.haproxy;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Resource;
import io.plumbline.model.spec.haproxy.Backend;
import io.plumbline.model.spec.haproxy.HaproxySpec;
import io.plumbline.render.haproxy.HaproxyResources;
import io.plumbline.render.haproxy.MigrationWeights;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads what HAProxy runs: the configuration file, and every server's live state through the runtime API
 * (which shows changes made by hand on the stats page or the socket). Three calls, whatever the size.
 *
 * <p>The file is what HAProxy runs unless a reload of it is still unconfirmed ({@link UnconfirmedReload}): then the
 * workers run the last good file, and the configuration is observed as that file with a {@link #RELOAD} field, which
 * the plan shows as a change even when the desired file is the one on disk, so the next apply reloads again.
 */
final class HaproxyObserver {
    /** Present on the observed configuration only while the workers predate the file on disk. */
    static final String RELOAD = "reload";
    private final HaproxyHost host;

    HaproxyObserver(HaproxyHost host) {
        this.host = host;
    }

    List<Resource> observe(LoadedEnvironment env) {
        HaproxySpec spec = env.environment().spec().haproxy();
        ProcStatus proc = host.master().showProc();
        List<Resource> actual = new ArrayList<>();
        String text = host.files().read();
        // The file is Plumbline's as a whole when it carries the header; so is every server it declares.
        boolean owned = text != null && HeaderMark.onConfig(text);
        if (text != null) {
            actual.add(new Resource(HaproxyResources.configKey(spec), configBody(spec, text, proc), owned));
        }
        List<LiveServer> live = host.runtime().servers();
        Map<String, Backend> backends = spec.backends().stream()
                .collect(Collectors.toMap(Backend::name, b -> b, (a, b) -> a));
        for (LiveServer server : live) {
            Backend backend = backends.get(server.backend());
            boolean migrating = backend != null && backend.migrates(server.name());
            actual.add(new Resource(HaproxyResources.serverKey(server.backend(), server.name()),
                    HaproxyResources.serverBody(server.state(), migrating ? null : server.weight(),
                            server.address()), owned));
        }
        spec.backends().stream().filter(b -> b.migration() != null)
                .forEach(b -> actual.add(migration(env, b, live, owned)));
        return actual;
    }

    /**
     * A migration as it stands: the share its servers' live weights send to its new group, and, when the migration
     * of this very commit was aborted, why (it then stays at its last good step until a new commit).
     */
    private Resource migration(LoadedEnvironment env, Backend backend, List<LiveServer> live, boolean owned) {
        Map<String, Integer> weights = live.stream().filter(s -> s.backend().equals(backend.name()))
                .collect(Collectors.toMap(LiveServer::name, LiveServer::weight, (a, b) -> a));
        String declaration = MigrationText.declaration(backend.migration());
        String aborted = host.migrations().of(backend.name())
                .filter(r -> r.abortedFor(declaration, env.revision().commit()))
                .map(MigrationRecord::aborted).orElse(null);
        return new Resource(HaproxyResources.migrationKey(backend.name()), HaproxyResources.migrationBody(
                MigrationWeights.share(backend.migration(), weights), aborted), owned);
    }

    private Map<String, Object> configBody(HaproxySpec spec, String text, ProcStatus proc) {
        if (!host.unconfirmed().pending(proc)) {
            return HaproxyResources.configBody(spec, text);
        }
        String lastGood = host.files().lastGood();
        Map<String, Object> body = new LinkedHashMap<>(HaproxyResources.configBody(spec,
                lastGood == null ? text : lastGood));
        body.put(RELOAD, "not confirmed: the workers serving (pids " + proc.workers().stream()
                .map(w -> String.valueOf(w.pid())).collect(Collectors.joining(", ")) + ") started before "
                + host.paths().config() + " was last written" + (lastGood == null ? "" : ", and run its last good"
                + " version"));
        return body;
    }
}
