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
 * with what the runtime API can change without one (state, weight, address).
 */
public final class HaproxyResources {
    public static final String PROVIDER = "haproxy";
    public static final String CONFIG = "Config";
    public static final String SERVER = "Server";

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
                out.add(Resource.desired(serverKey(backend.name(), server.name()),
                        serverBody(server.state(), server.weight(), server.address())));
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

    public static Map<String, Object> configBody(HaproxySpec spec, String configText) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("path", spec.config());
        body.put("sections", ConfigStructure.of(configText));
        return body;
    }

    /** @param state {@code ready}, {@code drain} or {@code maint} */
    public static Map<String, Object> serverBody(String state, int weight, String address) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", state);
        body.put("weight", weight);
        body.put("address", address);
        return body;
    }
}
