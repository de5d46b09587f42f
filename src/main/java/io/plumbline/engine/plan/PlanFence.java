package io.plumbline.engine.plan;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.spec.EnvironmentSpec;
import io.plumbline.model.spec.aws.AwsSpec;
import io.plumbline.model.spec.haproxy.HaproxySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The values of an environment that choose whose identity is used, which endpoint is called or which local file
 * or socket is opened. A plan of a pull request runs with the service's credentials on the service's host, so
 * these are taken from the environment branch only: a pull request that changes one is not planned, and the
 * change is planned once it is merged. (Manifest folders need no fence: they are read from the commit's own
 * tree and the schema refuses absolute paths and {@code ..}.)
 */
public final class PlanFence {
    private record Fenced(String path, Function<EnvironmentSpec, Object> value) {
    }

    private static final List<Fenced> FENCED = List.of(
            new Fenced("aws.region", s -> aws(s, AwsSpec::region)),
            new Fenced("aws.accountId", s -> aws(s, AwsSpec::accountId)),
            new Fenced("aws.assumeRole", s -> aws(s, AwsSpec::assumeRole)),
            new Fenced("haproxy.config", s -> haproxy(s, HaproxySpec::config)),
            new Fenced("haproxy.masterSocket", s -> haproxy(s, HaproxySpec::masterSocket)),
            new Fenced("haproxy.runtimeSocket", s -> haproxy(s, HaproxySpec::runtimeSocket)),
            new Fenced("haproxy.stateFile", s -> haproxy(s, HaproxySpec::stateFile)),
            // Which host's HAProxy is read: a pull request taking hosts away would have the service read its own.
            new Fenced("haproxy.hosts", s -> haproxy(s, HaproxySpec::hosts)));

    private PlanFence() {
    }

    /**
     * The fenced values {@code proposed} changes against the branch's version of the environment; every one when
     * the branch has no such environment yet. Empty: the proposal may be planned.
     */
    public static List<String> crossed(LoadedEnvironment proposed, Optional<LoadedEnvironment> onBranch) {
        if (onBranch.isEmpty()) {
            return List.of("a new environment");
        }
        EnvironmentSpec branch = onBranch.get().environment().spec();
        EnvironmentSpec pr = proposed.environment().spec();
        List<String> crossed = new ArrayList<>();
        for (Fenced f : FENCED) {
            if (!Objects.equals(f.value().apply(branch), f.value().apply(pr))) {
                crossed.add(f.path());
            }
        }
        return crossed;
    }

    private static Object aws(EnvironmentSpec spec, Function<AwsSpec, Object> value) {
        return spec.aws() == null ? null : value.apply(spec.aws());
    }

    private static Object haproxy(EnvironmentSpec spec, Function<HaproxySpec, Object> value) {
        return spec.haproxy() == null ? null : value.apply(spec.haproxy());
    }
}
