package io.plumbline.render.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Resource;
import io.plumbline.model.Sealed;
import io.plumbline.model.SecretValues;
import io.plumbline.model.spec.SecretRef;
import io.plumbline.testing.ShopFile;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretEnvRenderTest {
    private static final String PLANTED = "planted-b7c1e2d4-value";
    private static final SecretRef DB = new SecretRef("secretsmanager", null, "shop/db", "password", "eu-west-1");
    private final KubernetesRenderer renderer = new KubernetesRenderer();

    private static LoadedEnvironment shop(SecretValues secrets) {
        return TestEnvironments.of("environments/shop.yaml", ShopFile.withEnv("""
                LOG_LEVEL: info
                DB_PASSWORD:
                  secret: {aws: secretsmanager, name: shop/db, key: password, region: eu-west-1}
                """), List.of()).withSecrets(secrets);
    }

    private static SecretValues resolved(String value, String version) {
        return SecretValues.resolved(Map.of(DB, new SecretValues.Entry("sha256:ref", version, new Sealed(value))));
    }

    private Resource find(List<Resource> all, String kind) {
        return all.stream().filter(r -> r.key().kind().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSecretVariableReadsFromTheApplicationsSecretAndNeverHoldsItsValue() {
        List<Resource> all = renderer.render(shop(resolved(PLANTED, "v1")));

        Map<String, Object> deployment = find(all, "apps/v1/Deployment").body();
        assertThat(String.valueOf(deployment)).doesNotContain(PLANTED)
                .doesNotContain(Base64.getEncoder().encodeToString(PLANTED.getBytes(StandardCharsets.UTF_8)));
        List<?> containers = (List<?>) Nodes.at(deployment, "spec", "template", "spec", "containers");
        List<Object> env = (List<Object>) ((Map<?, ?>) containers.get(0)).get("env");
        assertThat(env).containsExactly(
                (Object) Map.of("name", "DB_PASSWORD", "valueFrom", Map.of("secretKeyRef",
                        Map.of("name", "api-secrets", "key", "DB_PASSWORD"))),
                    (Object) Map.of("name", "LOG_LEVEL", "value", "info"));
        Map<String, Object> secret = find(all, "v1/Secret").body();
        assertThat(Nodes.at(secret, "metadata", "name")).isEqualTo("api-secrets");
        assertThat(Nodes.at(secret, "data", "DB_PASSWORD"))
                .isEqualTo(Base64.getEncoder().encodeToString(PLANTED.getBytes(StandardCharsets.UTF_8)));
        assertThat(Marking.isOwnedBy(secret, "shop")).isTrue();
    }

    @Test
    void aRotationChangesThePodTemplatesChecksumAndNotTheSourceDigest() {
        List<Resource> before = renderer.render(shop(resolved(PLANTED, "v1")));
        List<Resource> after = renderer.render(shop(resolved(PLANTED + "-rotated", "v2")));

        Object checksumBefore = checksum(before);
        assertThat(checksumBefore).asString().startsWith("sha256:");
        assertThat(checksum(after)).isNotEqualTo(checksumBefore);
        assertThat(source(after)).isEqualTo(source(before));
    }

    @Test
    void theChecksumIsNotADigestOfTheValue() {
        // the same version with another value: the checksum is made of what identifies it, never of the value
        assertThat(checksum(renderer.render(shop(resolved("a", "v1")))))
                .isEqualTo(checksum(renderer.render(shop(resolved("b", "v1")))));
    }

    @Test
    void unresolvedTheValuesAndChecksumAreMarkedAndTheSourceDigestIsKnown() {
        SecretValues sealed = SecretValues.sealed(Map.of(DB, "sha256:ref"));
        List<Resource> all = renderer.render(shop(sealed));

        assertThat(Nodes.at(find(all, "v1/Secret").body(), "data", "DB_PASSWORD")).isEqualTo(SecretValues.UNRESOLVED);
        assertThat(checksum(all)).isEqualTo(SecretValues.UNRESOLVED);
        assertThat(source(all)).isEqualTo(source(renderer.render(shop(resolved(PLANTED, "v1")))));
    }

    @Test
    void aChangedReferenceChangesTheSourceDigestWithoutResolving() {
        SecretValues one = SecretValues.sealed(Map.of(DB, "sha256:one"));
        SecretValues two = SecretValues.sealed(Map.of(DB, "sha256:two"));

        assertThat(source(renderer.render(shop(one)))).isNotEqualTo(source(renderer.render(shop(two))));
    }

    @Test
    void aChangeOfDigestReadsSecretChangedWithEightCharacters() {
        assertThat(SecretEnvRender.shown("sha256:0123456789abcdef")).isEqualTo("secret changed (sha256:01234567)");
    }

    private Object checksum(List<Resource> all) {
        return ((Map<?, ?>) Nodes.at(find(all, "apps/v1/Deployment").body(), "spec", "template", "metadata",
                "annotations")).get(SecretEnvRender.CHECKSUM);
    }

    private Object source(List<Resource> all) {
        return ((Map<?, ?>) Nodes.at(find(all, "v1/Secret").body(), "metadata", "annotations"))
                .get(SecretEnvRender.SOURCE);
    }
}
