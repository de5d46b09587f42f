package io.plumbline.app;

import io.plumbline.model.ChangeSet;
import io.plumbline.model.Health;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Resource;
import io.plumbline.provider.Fence;
import io.plumbline.provider.Provider;
import io.plumbline.provider.ProviderException;
import io.plumbline.provider.OnFirstUse;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A provider built on its first use rather than when the service starts, so that neither the SDK's classes
 * nor its clients (AWS SDK, fabric8 and its HTTP client) cost anything before {@code /health/liveness}
 * answers, or at all when no environment uses the provider's target.
 *
 * <p>Whether an environment uses the provider is a question of its file alone, answered without building it: an
 * environment without Kubernetes never builds the Kubernetes client.
 *
 * <p>Thread-safe: reconciles of several environments may call it at once; the provider is built once. A
 * failure to build it (an unreadable kubeconfig) is this call's {@link ProviderException}, and the next call
 * tries again.
 *
 * <p>The same predicate carries the process's scope (the service leaves an environment's HAProxy to the proxy
 * agents when it names hosts): outside it the provider does not apply, and is not built for it.
 */
final class LazyProvider implements Provider, AutoCloseable {
    private final String name;
    private final Predicate<LoadedEnvironment> declared;
    private final OnFirstUse<Provider> provider;

    LazyProvider(String name, Predicate<LoadedEnvironment> declared, Supplier<Provider> factory) {
        this.name = name;
        this.declared = declared;
        this.provider = new OnFirstUse<>(factory);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean appliesTo(LoadedEnvironment env) {
        return declared.test(env);
    }

    @Override
    public List<Resource> render(LoadedEnvironment env) {
        return provider().render(env);
    }

    @Override
    public List<Resource> observe(LoadedEnvironment env, List<Resource> desired) {
        return provider().observe(env, desired);
    }

    @Override
    public ChangeSet diff(LoadedEnvironment env, List<Resource> desired, List<Resource> actual) {
        return provider().diff(env, desired, actual);
    }

    @Override
    public void preflight(LoadedEnvironment env) {
        provider().preflight(env);
    }

    @Override
    public List<ObjectResult> apply(LoadedEnvironment env, ChangeSet plan, Fence fence) {
        return provider().apply(env, plan, fence);
    }

    @Override
    public List<ObjectResult> apply(LoadedEnvironment env, ChangeSet plan) {
        return provider().apply(env, plan);
    }

    @Override
    public Health health(LoadedEnvironment env, List<ObjectResult> applied, Fence fence) {
        return provider().health(env, applied, fence);
    }

    @Override
    public Health health(LoadedEnvironment env, List<ObjectResult> applied) {
        return provider().health(env, applied);
    }

    /** Nothing to let go of when the provider was never built: building it for that would cost a connection. */
    @Override
    public void planned(LoadedEnvironment env) {
        provider.ifMade().ifPresent(p -> p.planned(env));
    }

    @Override
    public void forget(String environment) {
        provider.ifMade().ifPresent(p -> p.forget(environment));
    }

    /** Whether the provider has been built (for tests of the start-up path). */
    boolean isBuilt() {
        return provider.ifMade().isPresent();
    }

    private Provider provider() {
        try {
            return provider.get();
        } catch (ProviderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ProviderException.retryable("cannot set up the " + name + " provider: " + e.getMessage(), e);
        }
    }

    /** Closes the provider if it was built; a provider never built holds nothing. */
    @Override
    public void close() throws Exception {
        if (provider.ifMade().orElse(null) instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
