package io.plumbline.model.spec.kubernetes;

import io.plumbline.model.spec.Lists;
import io.plumbline.model.spec.SecretRef;
import java.util.List;
import java.util.Map;

/**
 * One service: a Deployment, and when declared a Service, an Ingress and a HorizontalPodAutoscaler.
 *
 * @param container  the main container's name (defaults to the application name)
 * @param replicas   the replica count; only the initial value when {@code autoscale} is declared
 * @param sidecars   further containers in the same pod (a database beside a service, say)
 * @param env        environment variables: plain values, or references to secrets ({@link EnvValue})
 * @param adopt      take over existing objects of the application's names that carry no Plumbline marks
 */
public record Application(String name, String namespace, String container, String image, String pullPolicy,
                          Integer replicas, Integer port, Map<String, EnvValue> env, Resources resources,
                          Probes probes, Rollout rollout, Expose expose, Ingress ingress, Autoscale autoscale,
                          List<Sidecar> sidecars, boolean adopt) {
    public Application {
        container = container == null ? name : container;
        env = Lists.of(env);
        sidecars = Lists.of(sidecars);
    }

    /** The secret references of its environment variables, by variable name. */
    public Map<String, SecretRef> secretEnv() {
        Map<String, SecretRef> out = new java.util.TreeMap<>();
        env.forEach((name, v) -> {
            if (v.isSecret()) {
                out.put(name, v.secret());
            }
        });
        return out;
    }
}
