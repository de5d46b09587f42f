package io.plumbline.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.ChangeSet;
import io.plumbline.model.Health;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Resource;
import io.plumbline.model.Revision;
import io.plumbline.model.Sealed;
import io.plumbline.model.SecretValues;
import io.plumbline.model.spec.Environment;
import io.plumbline.model.spec.EnvironmentSpec;
import io.plumbline.model.spec.Metadata;
import io.plumbline.model.spec.SecretRef;
import io.plumbline.provider.Fence;
import io.plumbline.provider.Provider;
import io.plumbline.provider.SecretResolver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Only the apply path's pipeline resolves secrets; the one pull requests are planned with never asks. */
class PipelineSecretsTest {
    private static final SecretRef REF = new SecretRef("secretsmanager", null, "shop/db", null, "eu-west-1");
    private final AtomicInteger resolves = new AtomicInteger();
    private final List<SecretValues> rendered = new CopyOnWriteArrayList<>();
    private final SecretResolver resolver = env -> {
        resolves.incrementAndGet();
        Map<SecretRef, SecretValues.Entry> out = new HashMap<>();
        env.secrets().entries().forEach((ref, e) -> out.put(ref,
                new SecretValues.Entry(e.fingerprint(), "v1", new Sealed("resolved"))));
        return SecretValues.resolved(out);
    };

    private final Provider recording = new Provider() {
        @Override
        public String name() {
            return "recording";
        }

        @Override
        public boolean appliesTo(LoadedEnvironment env) {
            return true;
        }

        @Override
        public List<Resource> render(LoadedEnvironment env) {
            rendered.add(env.secrets());
            return List.of();
        }

        @Override
        public List<Resource> observe(LoadedEnvironment env, List<Resource> desired) {
            return List.of();
        }

        @Override
        public ChangeSet diff(LoadedEnvironment env, List<Resource> desired, List<Resource> actual) {
            return new ChangeSet(List.of());
        }

        @Override
        public List<ObjectResult> apply(LoadedEnvironment env, ChangeSet plan, Fence fence) {
            return List.of();
        }

        @Override
        public Health health(LoadedEnvironment env, List<ObjectResult> applied, Fence fence) {
            return Health.HEALTHY;
        }
    };

    private static LoadedEnvironment env(SecretValues secrets) {
        Environment environment = new Environment("plumbline/v1", "Environment", new Metadata("shop", null),
                new EnvironmentSpec(null, null, null, null));
        return new LoadedEnvironment("environments/shop.yaml", environment, List.of(), Revision.WORKING_TREE,
                Map.of(), secrets);
    }

    @Test
    void theApplyPathResolvesBeforeRendering() {
        new Pipeline(List.of(recording), resolver).plan(env(SecretValues.sealed(Map.of(REF, "sha256:ref"))));

        assertThat(resolves).hasValue(1);
        assertThat(rendered).singleElement().satisfies(s -> assertThat(s.isResolved()).isTrue());
    }

    @Test
    void aSealedPipelineNeverAsksTheResolver() {
        Pipeline applying = new Pipeline(List.of(recording), resolver);

        applying.sealed().plan(env(SecretValues.sealed(Map.of(REF, "sha256:ref"))));
        applying.sealed().with(Progress.NONE).plan(env(SecretValues.sealed(Map.of(REF, "sha256:ref"))));

        assertThat(resolves).hasValue(0);
        assertThat(rendered).hasSize(2).allSatisfy(s -> assertThat(s.isResolved()).isFalse());
    }

    @Test
    void aSealedPipelineAppliesNothingOfAnEnvironmentWithSecrets() {
        Pipeline sealed = new Pipeline(List.of(recording), resolver).sealed();
        LoadedEnvironment env = env(SecretValues.sealed(Map.of(REF, "sha256:ref")));
        var write = new io.plumbline.model.Change(io.plumbline.model.Action.CREATE,
                new io.plumbline.model.ResourceKey("recording", "Thing", null, "one"),
                Resource.desired(new io.plumbline.model.ResourceKey("recording", "Thing", null, "one"), Map.of()),
                null, List.of(), null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sealed.apply(env,
                        List.of(ProviderPlan.judged(recording, new ChangeSet(List.of(write)), env))))
                .isInstanceOf(io.plumbline.provider.ProviderException.class)
                .hasMessageContaining("only the apply path's plan may be applied");
    }

    @Test
    void aPipelineWithoutAResolverResolvesNothing() {
        new Pipeline(List.of(recording)).plan(env(SecretValues.sealed(Map.of(REF, "sha256:ref"))));

        assertThat(rendered).singleElement().satisfies(s -> assertThat(s.isResolved()).isFalse());
    }

    @Test
    void anEnvironmentWithoutReferencesIsNotResolved() {
        new Pipeline(List.of(recording), resolver).plan(env(SecretValues.NONE));

        assertThat(resolves).hasValue(0);
    }
}
