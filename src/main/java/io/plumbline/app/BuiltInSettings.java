package io.plumbline.app;

import io.micronaut.context.env.AbstractPropertySourceLoader;
import io.micronaut.context.env.ActiveEnvironment;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourceLoader;
import io.micronaut.core.io.ResourceLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The service's built-in configuration, {@code plumbline.properties} in the jar, given to Micronaut in the place
 * and with the precedence of an {@code application.properties} (below a {@code --config} file, environment
 * variables and system properties). Found through {@code META-INF/services}.
 *
 * <p>Why not {@code application.properties}: Micronaut reads that file from a jar by opening the jar as a zip file
 * system, which parses the central directory of the shaded jar's 60,000 entries on every start (a tenth of a
 * second or more); the class loader reads this one from the jar it already has open.
 */
public final class BuiltInSettings implements PropertySourceLoader {
    static final String RESOURCE = "plumbline.properties";

    @Override
    public Optional<PropertySource> load(String resourceName, ResourceLoader resourceLoader) {
        // Only for the class path (the environment itself) and the application's name: not for config
        // directories or the bootstrap context.
        if (!(resourceLoader instanceof Environment) || !Environment.DEFAULT_NAME.equals(resourceName)) {
            return Optional.empty();
        }
        try (InputStream in = BuiltInSettings.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(PropertySource.of("plumbline-built-in",
                    read(RESOURCE, in), AbstractPropertySourceLoader.DEFAULT_POSITION));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in " + RESOURCE, e);
        }
    }

    @Override
    public Optional<PropertySource> loadEnv(String resourceName, ResourceLoader resourceLoader,
                                            ActiveEnvironment activeEnvironment) {
        return Optional.empty();
    }

    @Override
    public Map<String, Object> read(String name, InputStream input) throws IOException {
        Properties properties = new Properties();
        properties.load(input);
        Map<String, Object> values = new LinkedHashMap<>();
        properties.forEach((key, value) -> values.put(key.toString(), value));
        return values;
    }
}
