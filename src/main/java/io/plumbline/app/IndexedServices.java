package io.plumbline.app;

import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.core.io.service.SoftServiceLoader.StaticDefinition;
import io.micronaut.core.io.service.SoftServiceLoader.StaticServiceLoader;
import io.micronaut.core.optim.StaticOptimizations;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Hands Micronaut its services from the jar's {@link ServiceIndex} instead of letting it walk the jar, through
 * Micronaut's hook for build-time optimisations ({@link StaticOptimizations}, found by {@code META-INF/services}).
 * Every service Micronaut asks for is answered here, from its {@code META-INF/services} files (read through the
 * class loader, as before) and the index, so the walk never happens: one service left to the walk would cost it
 * whole. Classes that cannot be loaded or made are left out, as Micronaut's own loading does.
 *
 * <p>Without an index (classes run from a directory: tests, an IDE) Micronaut loads as it always does.
 */
public final class IndexedServices implements StaticOptimizations.Loader<SoftServiceLoader.Optimizations> {
    private static final MethodType NO_ARGUMENTS = MethodType.methodType(void.class);

    @Override
    public SoftServiceLoader.Optimizations load() {
        ClassLoader loader = IndexedServices.class.getClassLoader();
        return ServiceIndex.read(loader).map(index -> from(loader, index))
                .orElseGet(() -> new SoftServiceLoader.Optimizations(Map.of()));
    }

    /** Every service of the class loader, from the files it holds and the given index. */
    static SoftServiceLoader.Optimizations from(ClassLoader loader, Map<String, List<String>> index) {
        return new SoftServiceLoader.Optimizations(new EveryService(loader, index));
    }

    /** A map that holds a loader for every service name, made when first asked for. */
    private static final class EveryService extends AbstractMap<String, StaticServiceLoader<?>> {
        private final ClassLoader loader;
        private final Map<String, List<String>> index;
        private final Map<String, StaticServiceLoader<?>> made = new ConcurrentHashMap<>();

        EveryService(ClassLoader loader, Map<String, List<String>> index) {
            this.loader = loader;
            this.index = index;
        }

        @Override
        public StaticServiceLoader<?> get(Object service) {
            return service instanceof String name ? made.computeIfAbsent(name, this::loaderOf) : null;
        }

        @Override
        public boolean containsKey(Object service) {
            return service instanceof String;
        }

        @Override
        public Set<Entry<String, StaticServiceLoader<?>>> entrySet() {
            return Collections.unmodifiableMap(made).entrySet();
        }

        private StaticServiceLoader<?> loaderOf(String service) {
            Set<String> names = new LinkedHashSet<>(declared(service));
            names.addAll(index.getOrDefault(service, List.of()));
            return new Named<>(loader, List.copyOf(names));
        }

        /** The class names in every {@code META-INF/services/<service>} file, as Micronaut reads them. */
        private List<String> declared(String service) {
            List<String> names = new ArrayList<>();
            try {
                Enumeration<URL> files = loader.getResources(SoftServiceLoader.META_INF_SERVICES + '/' + service);
                while (files.hasMoreElements()) {
                    try (BufferedReader reader = new BufferedReader(
                            new InputStreamReader(files.nextElement().openStream(), StandardCharsets.UTF_8))) {
                        reader.lines().map(line -> line.replaceFirst("#.*", "").trim()).filter(line -> !line.isEmpty())
                                .forEach(names::add);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the services of " + service, e);
            }
            return names;
        }
    }

    /** The services of one name: present when the class loads and has a public constructor without arguments. */
    private record Named<S>(ClassLoader loader, List<String> names) implements StaticServiceLoader<S> {
        @Override
        public Stream<StaticDefinition<S>> findAll(Predicate<String> condition) {
            return names.stream().filter(condition).flatMap(name -> constructor(name)
                    .map(make -> StaticDefinition.of(name, () -> this.<S>make(name, make))).stream());
        }

        /** As Micronaut's own loading: a class whose making fails for a missing class is left out. */
        @Override
        public List<S> load(Predicate<String> condition, Predicate<S> predicate) {
            return names.stream().filter(condition).map(name -> constructor(name).map(make -> {
                try {
                    return this.<S>make(name, make);
                } catch (NoClassDefFoundError missing) {
                    return null;
                }
            }).orElse(null)).filter(Objects::nonNull).filter(s -> predicate == null || predicate.test(s)).toList();
        }

        private Optional<MethodHandle> constructor(String name) {
            try {
                return Optional.of(MethodHandles.publicLookup().findConstructor(Class.forName(name, false, loader),
                        NO_ARGUMENTS));
            } catch (NoClassDefFoundError | ClassNotFoundException | NoSuchMethodException
                     | IllegalAccessException absent) {
                return Optional.empty();
            }
        }

        @SuppressWarnings("unchecked")
        private <T> T make(String name, MethodHandle constructor) {
            try {
                return (T) constructor.invoke();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot make the service " + name, e);
            }
        }
    }
}
