package io.plumbline.model.spec;

import io.plumbline.model.spec.aws.AwsSpec;
import io.plumbline.model.spec.haproxy.HaproxySpec;
import io.plumbline.model.spec.kubernetes.KubernetesSpec;

/** What an environment declares; each provider section is optional (null when absent). */
public record EnvironmentSpec(Sync sync, AwsSpec aws, KubernetesSpec kubernetes, HaproxySpec haproxy) {
    public EnvironmentSpec {
        sync = sync == null ? Sync.DEFAULT : sync;
    }
}
