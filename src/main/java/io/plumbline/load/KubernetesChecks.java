package io.plumbline.load;

import io.plumbline.model.spec.kubernetes.Application;
import io.plumbline.model.spec.kubernetes.KubernetesSpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What the schema cannot say about {@code spec.kubernetes}: namespaces declared, names unique, bounds in order. */
final class KubernetesChecks {
    private static final String AT = "/spec/kubernetes";

    private KubernetesChecks() {
    }

    static void check(KubernetesSpec k8s, Checks checks) {
        Set<String> namespaces = new HashSet<>(k8s.namespaces());
        Map<String, String> deployments = Checks.names();
        Map<String, String> services = Checks.names();
        Map<String, String> ingresses = new HashMap<>();
        for (int i = 0; i < k8s.applications().size(); i++) {
            Application app = k8s.applications().get(i);
            String at = AT + "/applications/" + i;
            if (!namespaces.contains(app.namespace())) {
                checks.at(at + "/namespace", "namespace '" + app.namespace() + "' is not in namespaces; declared: "
                        + AwsChecks.listed(namespaces));
            }
            checks.unique(deployments, app.namespace() + "/" + app.name(), at + "/name", "application");
            if (app.expose() != null) {
                String service = app.expose().serviceName() != null ? app.expose().serviceName() : app.name();
                checks.unique(services, app.namespace() + "/" + service, at + "/expose", "service");
                if (app.expose().nodePort() != null && app.expose().type().equals("ClusterIP")) {
                    checks.at(at + "/expose/nodePort", "a ClusterIP service has no node port");
                }
            }
            if (app.ingress() != null) {
                if (app.expose() == null) {
                    checks.at(at + "/ingress", "an ingress needs a service: declare expose");
                }
                checks.unique(ingresses, app.ingress().host() + app.ingress().path(), at + "/ingress/path",
                        "ingress rule");
            }
            if (app.autoscale() != null) {
                checks.bounds(at + "/autoscale", app.autoscale().min(), app.autoscale().max(), null);
                if (app.replicas() != null && (app.replicas() < app.autoscale().min()
                        || app.replicas() > app.autoscale().max())) {
                    checks.at(at + "/replicas", "replicas " + app.replicas() + " is outside autoscale bounds ["
                            + app.autoscale().min() + ", " + app.autoscale().max() + "]");
                }
            }
            Map<String, String> containers = Checks.names();
            containers.put(app.container(), at + "/name");
            for (int j = 0; j < app.sidecars().size(); j++) {
                checks.unique(containers, app.sidecars().get(j).name(), at + "/sidecars/" + j + "/name", "container");
            }
        }
    }
}
