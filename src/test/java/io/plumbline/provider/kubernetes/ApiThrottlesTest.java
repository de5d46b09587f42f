package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiThrottlesTest {
    @Test
    void theResourceIsNamedForEveryShapeOfPath() {
        assertThat(ApiThrottles.resource("/api/v1/namespaces/a/configmaps/b")).isEqualTo("configmaps");
        assertThat(ApiThrottles.resource("/api/v1/namespaces/a/configmaps")).isEqualTo("configmaps");
        assertThat(ApiThrottles.resource("/apis/apps/v1/namespaces/a/deployments/web/status")).isEqualTo("deployments");
        assertThat(ApiThrottles.resource("/apis/apps/v1/deployments")).isEqualTo("deployments");
        assertThat(ApiThrottles.resource("/api/v1/namespaces/a")).isEqualTo("namespaces");
        assertThat(ApiThrottles.resource("/api/v1/namespaces")).isEqualTo("namespaces");
        assertThat(ApiThrottles.resource("/apis/networking.k8s.io/v1")).isEqualTo("discovery");
        assertThat(ApiThrottles.resource("/api")).isEqualTo("discovery");
    }
}
