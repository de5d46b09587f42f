package io.plumbline.app;

import io.plumbline.model.ChangeSet;
import io.plumbline.model.Health;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Resource;
import io.plumbline.provider.Provider;
import io.plumbline.provider.ProviderException;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A provider built on its first use rather than when the service starts, so that neither the SDK's classes
 * nor its clients (AWS SDK, fabric8 and its HTTP client) cost anything before {@code /health/liveness}
 * answers, or at all when no environment uses the provider's target.
 *
 * <p>Thread-safe: reconciles of several environments may call it at once; the provider is built once. A
 * failure to build it (an unreadable kubeconfig) is this call's {@link ProviderException}, and the next call
 * tries again.
 *
 * <p>Its scope says which environments the provider may serve in this process (the service leaves an
 * environment's HAProxy to proxy agents when it names hosts): outside it the provider does not apply, and is not
 * built for it.
 */
final class LazyProvider implements Provider, AutoCloseable {
    private final String name;
    private final Supplier<Provider> factory;
    private final Predicate<LoadedEnvironment> scope;
    private volatile Provider built;

    LazyProvider(String name, Supplier<Provider> factory) {
        this(name, factory, env -> true);
    }

    LazyProvider(String name, Supplier<Provider> factory, Predicate<LoadedEnvironment> scope) {
        this.name = name;
        this.factory = factory;
        this.scope = scope;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean appliesTo(LoadedEnvironment env) {
        return scope.test(env) && provider().appliesTo(env);
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
    public List<ObjectResult> apply(LoadedEnvironment env, ChangeSet plan) {
        return provider().apply(env, plan);
    }

    @Override
    public Health health(LoadedEnvironment env, List<ObjectResult> applied) {
        return provider().health(env, applied);
    }

    /** Whether the provider has been built (for tests of the start-up path). */
    boolean isBuilt() {
        return built != null;
    }

    private Provider provider() {
        Provider p = built;
        if (p != null) {
            return p;
        }
        synchronized (this) {
            if (built == null) {
                try {
                    built = factory.get();
                } catch (ProviderException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw ProviderException.retryable("cannot set up the " + name + " provider: " + e.getMessage(), e);
                }
            }
            return built;
        }
    }

    /** Closes the provider if it was built; a provider never built holds nothing. */
    @Override
    public void close() throws Exception {
        Provider p = built;
        if (p instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
