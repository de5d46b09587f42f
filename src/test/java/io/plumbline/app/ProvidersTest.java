package io.plumbline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.spec.haproxy.HaproxySpec;
import io.plumbline.provider.Provider;
import io.plumbline.provider.ProviderException;
import io.plumbline.render.haproxy.HaproxyEnvironments;
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

    @Test
    void anAgentHasTheHaproxyProviderAloneAndAppliesItOnlyWhereItsHostIsNamed() {
        LoadedEnvironment named = withHosts("proxy-1", "proxy-2");
        ServiceRole proxy1 = ServiceRole.of(ServiceRole.HAPROXY_AGENT, "proxy-1");
        try (Providers providers = Providers.build(settings(), proxy1)) {
            assertThat(providers.all()).extracting(Provider::name).containsExactly("haproxy");
            Provider haproxy = providers.all().get(0);
            assertThat(haproxy.appliesTo(named)).isTrue();
            assertThat(haproxy.appliesTo(withHosts("proxy-2"))).isFalse();
            assertThat(haproxy.appliesTo(TestEnvironments.production())).as("no hosts: the service's").isFalse();
            assertThat(providers.built()).as("answered from the files alone").isEmpty();
        }
    }

    @Test
    void theServiceLeavesTheHaproxyOfAnEnvironmentNamingHostsToItsAgentsWithoutBuildingTheProvider() {
        try (Providers providers = Providers.build(settings(), ServiceRole.central())) {
            Provider haproxy = providers.all().get(2);
            assertThat(haproxy.appliesTo(withHosts("proxy-1"))).isFalse();
            assertThat(providers.built()).isEmpty();
            assertThat(haproxy.appliesTo(TestEnvironments.production())).isTrue();
        }
    }

    @Test
    void aRoleIsTheServiceOrAnAgentWithAValidHost() {
        assertThat(ServiceRole.of("", "").agent()).isFalse();
        assertThat(ServiceRole.of("haproxy-agent", "edge-01").haproxyHost()).contains("edge-01");
        for (String bad : new String[] {"Edge", "-edge", "edge-", "a".repeat(64), "edge 1", "edge/1", "edge\n"}) {
            assertThatThrownBy(() -> ServiceRole.of("haproxy-agent", bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> ServiceRole.of("central", "edge-01")).hasMessageContaining("only to the haproxy-agent");
        assertThatThrownBy(() -> ServiceRole.of("haproxy-agent", null)).hasMessageContaining("needs the proxy host");
    }

    private ProviderSettings settings() {
        return new ProviderSettings(Optional.empty(), Optional.of(dir.resolve("missing-kubeconfig")), Optional.empty(),
                Optional.of(dir), Optional.empty(), List.of(), true);
    }

    private static LoadedEnvironment withHosts(String... hosts) {
        HaproxySpec s = HaproxyEnvironments.production().environment().spec().haproxy();
        return HaproxyEnvironments.loaded("edge", new HaproxySpec(s.config(), s.masterSocket(), s.runtimeSocket(),
                s.stateFile(), s.global(), s.defaults(), s.frontends(), s.backends(), s.stats(), List.of(hosts)));
    }
}
