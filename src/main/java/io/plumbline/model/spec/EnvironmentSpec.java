package io.plumbline.model.spec;

import io.plumbline.model.spec.aws.AwsSpec;
import io.plumbline.model.spec.haproxy.HaproxySpec;
import io.plumbline.model.spec.kubernetes.KubernetesSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an environment declares; each provider section is optional (null when absent). */
public record EnvironmentSpec(Sync sync, AwsSpec aws, KubernetesSpec kubernetes, HaproxySpec haproxy) {
    public EnvironmentSpec {
        sync = sync == null ? Sync.DEFAULT : sync;
    }

    /**
     * The values that choose whose identity is used, which endpoint is called or which local file or socket is
     * opened, by their path in the file ({@code aws.region}), null where not declared; each provider's section says
     * which of its fields they are. (Kubernetes has none in the file: the cluster is the process's kubeconfig.)
     */
    public Map<String, Object> identity() {
        Map<String, Object> fields = new LinkedHashMap<>(AwsSpec.identity(aws));
        fields.putAll(HaproxySpec.identity(haproxy));
        return fields;
    }
}
