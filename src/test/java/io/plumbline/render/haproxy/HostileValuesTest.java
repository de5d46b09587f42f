package io.plumbline.render.haproxy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.spec.haproxy.Backend;
import io.plumbline.model.spec.haproxy.Frontend;
import io.plumbline.model.spec.haproxy.HaproxySpec;
import io.plumbline.model.spec.haproxy.HealthCheck;
import io.plumbline.model.spec.haproxy.Route;
import io.plumbline.model.spec.haproxy.Server;
import io.plumbline.model.spec.haproxy.Stats;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The renderer refuses raw hostile strings in every value it writes, whatever the schema let through: the
 * defence holds even when an environment is built without the loader.
 */
class HostileValuesTest {
    private static final List<String> HOSTILE = List.of("a\nstats socket ipv4@127.0.0.1:9999 level admin",
            "a\rb", "a b", "a\tb", "a\u0000b", "a#b", "a\"b", "a'b", "a\\b", "${HOME}", "a\u0085b", "a\u2028b", "");

    /** One field of the environment set to a hostile value. */
    private record Field(String name, BiFunction<HaproxySpec, String, HaproxySpec> set) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Object[]> cases() {
        List<Field> fields = List.of(
                new Field("stateFile", (s, v) -> spec(s, "/var/lib/haproxy/" + v, s.frontends(), s.backends(), s.stats())),
                new Field("frontend name", (s, v) -> spec(s, null, List.of(new Frontend(v, "*:80", "b", List.of())), s.backends(), s.stats())),
                new Field("bind", (s, v) -> spec(s, null, List.of(new Frontend("f", "*:80" + v, "b", List.of())), s.backends(), s.stats())),
                new Field("route host", (s, v) -> spec(s, null, List.of(new Frontend("f", "*:80", "b", List.of(new Route("b", v, null)))), s.backends(), s.stats())),
                new Field("route path", (s, v) -> spec(s, null, List.of(new Frontend("f", "*:80", "b", List.of(new Route("b", null, "/" + v)))), s.backends(), s.stats())),
                new Field("backend name", (s, v) -> spec(s, null, s.frontends(), List.of(backend(v, null, server("s", "h:1"))), s.stats())),
                new Field("health path", (s, v) -> spec(s, null, s.frontends(), List.of(backend("b", new HealthCheck("GET", "/" + v, null, null, null, null), server("s", "h:1"))), s.stats())),
                new Field("health host", (s, v) -> spec(s, null, s.frontends(), List.of(backend("b", new HealthCheck("GET", "/", v, null, null, null), server("s", "h:1"))), s.stats())),
                new Field("server name", (s, v) -> spec(s, null, s.frontends(), List.of(backend("b", null, server(v, "h:1"))), s.stats())),
                new Field("server address", (s, v) -> spec(s, null, s.frontends(), List.of(backend("b", null, server("s", "h:1" + v))), s.stats())),
                new Field("stats uri", (s, v) -> spec(s, null, s.frontends(), s.backends(), new Stats("*:8001", "/" + v, false))));
        // An empty value is hostile only where it stands alone; a path cannot hold a NUL at all (the provider
        // refuses such a declared path before it becomes one).
        return fields.stream().flatMap(f -> HOSTILE.stream()
                .filter(v -> !v.isEmpty() || Stream.of("path", "uri", "stateFile", "bind", "address")
                        .noneMatch(f.name()::contains))
                .filter(v -> !v.contains("\u0000") || !f.name().equals("stateFile"))
                .map(v -> new Object[] {f, v}));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void everyValueIsOnePlainWord(Field field, String value) {
        LoadedEnvironment env = HaproxyEnvironments.loaded("hostile",
                field.set().apply(spec(base(), null, base().frontends(), base().backends(), base().stats()), value));

        assertThatThrownBy(() -> ConfigRenderer.render(env, HaproxyPaths.of(env.environment().spec().haproxy(), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot be written into haproxy.cfg");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void theFileNameIsOnePlainWordToo(String value) {
        LoadedEnvironment good = HaproxyEnvironments.loaded("hostile", base());
        LoadedEnvironment env = new LoadedEnvironment("environments/x" + value + ".yaml", good.environment(),
                List.of(), good.revision());

        assertThatThrownBy(() -> ConfigRenderer.render(env, HaproxyPaths.of(base(), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageNotContaining("\n");
    }

    static Stream<String> hostile() {
        return HOSTILE.stream().filter(v -> !v.isEmpty());
    }

    private static HaproxySpec base() {
        return new HaproxySpec("/etc/haproxy/haproxy.cfg", "/run/haproxy/master.sock", "/run/haproxy/admin.sock",
                null, null, null, List.of(new Frontend("f", "*:80", "b", List.of())),
                List.of(backend("b", null, server("s", "h:1"))), null, List.of());
    }

    private static HaproxySpec spec(HaproxySpec s, String stateFile, List<Frontend> frontends, List<Backend> backends,
                                    Stats stats) {
        return new HaproxySpec(s.config(), s.masterSocket(), s.runtimeSocket(), stateFile == null ? s.stateFile()
                : stateFile, s.global(), s.defaults(), frontends, backends, stats, List.of());
    }

    private static Backend backend(String name, HealthCheck check, Server server) {
        return new Backend(name, "roundrobin", false, check, List.of(server));
    }

    private static Server server(String name, String address) {
        return new Server(name, address, 1, "ready", true);
    }
}
