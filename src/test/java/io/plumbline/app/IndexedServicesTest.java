package io.plumbline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.env.PropertySourceLoader;
import io.micronaut.core.convert.TypeConverterRegistrar;
import io.micronaut.core.io.service.MicronautMetaServiceLoaderUtils;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.core.io.service.SoftServiceLoader.StaticServiceLoader;
import io.micronaut.inject.BeanDefinitionReference;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Micronaut gets the same services from an index as from walking the class path (which it does here: tests run
 * from class directories, without an index).
 */
class IndexedServicesTest {
    private final ClassLoader loader = IndexedServicesTest.class.getClassLoader();

    @Test
    void everyKindOfServiceIsTheSameAsMicronautFindsByWalking() throws Exception {
        Map<String, List<String>> index = MicronautMetaServiceLoaderUtils.findAllMicronautMetaServices(loader)
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
        Map<String, StaticServiceLoader<?>> indexed = IndexedServices.from(loader, index).getServiceLoaders();

        List<BeanDefinitionReference> walked = MicronautMetaServiceLoaderUtils.findMetaMicronautServiceEntries(
                loader, BeanDefinitionReference.class, BeanDefinitionReference::isPresent);
        assertThat(walked).hasSizeGreaterThan(100);
        assertThat(names(loaded(indexed, BeanDefinitionReference.class))).containsExactlyInAnyOrderElementsOf(names(walked));
        for (Class<?> service : List.of(PropertySourceLoader.class, TypeConverterRegistrar.class,
                ApplicationContextConfigurer.class)) {
            assertThat(names(loaded(indexed, service))).as(service.getName())
                    .containsExactlyInAnyOrderElementsOf(names(SoftServiceLoader.load(service, loader).collectAll()));
        }
        assertThat(names(loaded(indexed, PropertySourceLoader.class))).contains(BuiltInSettings.class.getName());
        assertThat(indexed.containsKey("no.such.Service")).isTrue();
        assertThat(indexed.get("no.such.Service").load(null)).isEmpty();
    }

    @Test
    void theIndexReadsBackAsWritten() throws Exception {
        Map<String, List<String>> services = Map.of("io.micronaut.inject.BeanDefinitionReference",
                List.of("a.$A$Definition$Reference", "b.$B$Definition$Reference"));
        String text = ServiceIndex.render(services);
        assertThat(ServiceIndex.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(services);
    }

    @SuppressWarnings("unchecked")
    private static <S> List<S> loaded(Map<String, StaticServiceLoader<?>> indexed, Class<S> service) {
        return ((StaticServiceLoader<S>) indexed.get(service.getName())).load(null);
    }

    private static List<String> names(List<?> services) {
        return services.stream().map(s -> s.getClass().getName()).toList();
    }
}
