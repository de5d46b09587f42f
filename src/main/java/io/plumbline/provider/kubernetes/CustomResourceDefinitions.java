package io.plumbline.provider.kubernetes;

import io.plumbline.model.RawManifest;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.render.kubernetes.KubernetesKeys;
import io.plumbline.render.kubernetes.Nodes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The CustomResourceDefinitions an environment declares, and the kinds they bring. */
final class CustomResourceDefinitions {
    static final String KIND = "apiextensions.k8s.io/v1/CustomResourceDefinition";

    private CustomResourceDefinitions() {
    }

    static boolean is(ResourceKey key) {
        return key.kind().equals(KIND);
    }

    /** {@code group/version/Kind} of every version the declared definitions serve. */
    static Set<String> kinds(List<Resource> desired) {
        Set<String> out = new TreeSet<>();
        for (Resource r : desired) {
            if (!is(r.key())) {
                continue;
            }
            Object group = Nodes.at(r.body(), "spec", "group");
            Object kind = Nodes.at(r.body(), "spec", "names", "kind");
            if (Nodes.at(r.body(), "spec", "versions") instanceof List<?> versions) {
                for (Object v : versions) {
                    if (v instanceof Map<?, ?> m) {
                        out.add(group + "/" + m.get("name") + "/" + kind);
                    }
                }
            }
        }
        return out;
    }

    /** Whether each {@code group/version/Kind} the declared definitions bring is namespaced ({@code spec.scope}). */
    static Map<String, Boolean> scopes(List<RawManifest> manifests) {
        Map<String, Boolean> out = new java.util.HashMap<>();
        for (RawManifest m : manifests) {
            Map<String, Object> body = m.object();
            if (!"CustomResourceDefinition".equals(body.get("kind"))
                    || !(Nodes.at(body, "spec", "versions") instanceof List<?> versions)) {
                continue;
            }
            boolean namespaced = !"Cluster".equals(Nodes.at(body, "spec", "scope"));
            for (Object v : versions) {
                if (v instanceof Map<?, ?> version) {
                    out.put(Nodes.at(body, "spec", "group") + "/" + version.get("name") + "/"
                            + Nodes.at(body, "spec", "names", "kind"), namespaced);
                }
            }
        }
        return out;
    }

    /** Whether the server has accepted the definition's names and serves it. */
    static boolean established(Map<String, Object> live) {
        return live != null && Nodes.at(live, "status", "conditions") instanceof List<?> conditions
                && conditions.stream().anyMatch(c -> c instanceof Map<?, ?> m && "Established".equals(m.get("type"))
                && "True".equals(m.get("status")));
    }

    static String name(ResourceKey key) {
        return KubernetesKeys.kind(key) + " " + key.name();
    }
}
