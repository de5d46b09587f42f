package io.plumbline.render.haproxy;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.model.spec.haproxy.Backend;
import io.plumbline.model.spec.haproxy.HaproxySpec;
import io.plumbline.model.spec.haproxy.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The desired HAProxy objects of an environment: one {@code haproxy Config} whose body is the file's
 * structure (a change there needs a reload), and one {@code haproxy Server <backend>/<server>} per server
 * with what the runtime API can change without one (state, weight, address). A backend's migration by steps is one
 * {@code haproxy Migration <backend>} whose body is the share of traffic on its new servers: 100 when done; the
 * weights of its servers are its own, not their {@code Server}'s.
 */
public final class HaproxyResources {
    public static final String PROVIDER = "haproxy";
    public static final String CONFIG = "Config";
    public static final String SERVER = "Server";
    public static final String MIGRATION = "Migration";
    /** The share of traffic a migration sends to its {@code to} servers, in whole percent. */
    public static final String SHARE = "share";

    private HaproxyResources() {
    }

    /** Whether the environment declares anything for HAProxy (the file alone says so; no socket is needed). */
    public static boolean declaredIn(LoadedEnvironment env) {
        return env.environment().spec().haproxy() != null;
    }

    public static List<Resource> desired(LoadedEnvironment env, HaproxyPaths paths) {
        HaproxySpec spec = env.environment().spec().haproxy();
        List<Resource> out = new ArrayList<>();
        out.add(Resource.desired(configKey(spec), configBody(spec, ConfigRenderer.render(env, paths))));
        for (Backend backend : spec.backends()) {
            for (Server server : backend.servers()) {
                out.add(Resource.desired(serverKey(backend.name(), server.name()), serverBody(server.state(),
                        backend.migrates(server.name()) ? null : server.weight(), server.address())));
            }
            if (backend.migration() != null) {
                out.add(Resource.desired(migrationKey(backend.name()), migrationBody(100, null)));
            }
        }
        return out;
    }

    public static ResourceKey configKey(HaproxySpec spec) {
        return ResourceKey.of(PROVIDER, CONFIG, "", spec.config());
    }

    public static ResourceKey serverKey(String backend, String server) {
        return ResourceKey.of(PROVIDER, SERVER, backend, server);
    }

    public static ResourceKey migrationKey(String backend) {
        return ResourceKey.of(PROVIDER, MIGRATION, "", backend);
    }

    /** @param aborted why the migration stopped at its last good step for this commit, or null */
    public static Map<String, Object> migrationBody(int share, String aborted) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(SHARE, share);
        if (aborted != null) {
            body.put("aborted", aborted);
        }
        return body;
    }

    public static Map<String, Object> configBody(HaproxySpec spec, String configText) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("path", spec.config());
        body.put("sections", ConfigStructure.of(configText));
        return body;
    }

    /**
     * @param state  {@code ready}, {@code drain} or {@code maint}
     * @param weight null for a server whose weight a migration sets
     */
    public static Map<String, Object> serverBody(String state, Integer weight, String address) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", state);
        if (weight != null) {
            body.put("weight", weight);
        }
        body.put("address", address);
        return body;
    }
}
