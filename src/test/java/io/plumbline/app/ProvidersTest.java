package io.plumbline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.provider.Provider;
import io.plumbline.provider.ProviderException;
import io.plumbline.render.kubernetes.TestEnvironments;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Providers are built on first use: the service starts, and stays up, whatever state their targets are in. */
class ProvidersTest {
    @TempDir
    Path dir;

    private Providers withKubeconfig(Path kubeconfig) {
        return Providers.build(new ProviderSettings(Optional.empty(), Optional.of(kubeconfig), Optional.empty(),
                Optional.of(dir), Optional.empty(), List.of(), true));
    }

    @Test
    void theLazyWrapperHandsOnEveryMethodOfTheContract() {
        // A default method left to the interface would be a silent no-op for every provider built lazily.
        for (Method method : Provider.class.getMethods()) {
            assertThat(Arrays.stream(LazyProvider.class.getDeclaredMethods())
                    .anyMatch(m -> m.getName().equals(method.getName())
                            && Arrays.equals(m.getParameterTypes(), method.getParameterTypes())))
                    .as("LazyProvider overrides %s", method.getName()).isTrue();
        }
    }

    @Test
    void buildingThemConnectsNothing() {
        // An unreadable kubeconfig used to fail here, before the service could answer anything.
        try (Providers providers = withKubeconfig(dir.resolve("missing-kubeconfig"))) {
            assertThat(providers.all()).extracting(Provider::name).containsExactly("aws", "kubernetes", "haproxy");
            assertThat(providers.built()).isEmpty();
        }
    }

    @Test
    void askingWhetherAnEnvironmentUsesAProviderBuildsNone() {
        // The engine asks every provider of every environment; the answer is in the file.
        LoadedEnvironment production = TestEnvironments.production();
        LoadedEnvironment kubernetesOnly = TestEnvironments.of("k.yaml", """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: cluster-only}
                spec:
                  kubernetes: {namespaces: [cluster-only]}
                """, List.of());
        try (Providers providers = withKubeconfig(dir.resolve("missing-kubeconfig"))) {
            assertThat(providers.all()).extracting(p -> p.appliesTo(production)).containsExactly(true, true, true);
            assertThat(providers.all()).extracting(p -> p.appliesTo(kubernetesOnly))
                    .containsExactly(false, true, false);
            assertThat(providers.built()).isEmpty();
        }
    }

    @Test
    void aProviderIsBuiltWhenAReconcileFirstNeedsIt() {
        LoadedEnvironment production = TestEnvironments.production();
        try (Providers providers = withKubeconfig(dir.resolve("missing-kubeconfig"))) {
            Provider haproxy = providers.all().get(2);
            assertThat(haproxy.render(production)).isNotEmpty();
            assertThat(providers.built()).containsExactly("haproxy");
        }
    }

    @Test
    void aProviderThatCannotBeBuiltFailsThatCallAndIsTriedAgainOnTheNext() {
        LoadedEnvironment production = TestEnvironments.production();
        Path kubeconfig = dir.resolve("missing-kubeconfig");
        try (Providers providers = withKubeconfig(kubeconfig)) {
            Provider kubernetes = providers.all().get(1);
            for (int attempt = 0; attempt < 2; attempt++) {
                assertThatThrownBy(() -> kubernetes.render(production)).isInstanceOf(ProviderException.class)
                        .hasMessageContaining("kubernetes").hasMessageContaining(kubeconfig.toString());
            }
            assertThat(providers.built()).isEmpty();
        }
    }
}
