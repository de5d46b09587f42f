package io.plumbline.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * The list of Micronaut's services in the shipped jar ({@code META-INF/micronaut/<service>/<class>} entries: bean
 * definitions, type converters...), written into the jar when it is built and read when it starts.
 *
 * <p>Why: without it, Micronaut finds those entries by opening the jar as a zip file system and walking the
 * directory. The shaded jar holds some 60,000 entries (mostly AWS SDK models), so that walk parsed the whole
 * central directory again and kept it on the heap: a quarter of a second and several garbage collections of every
 * start, for about 300 names. The index is written from the finished jar itself, so it names exactly what that
 * jar holds. {@code mvn package} runs {@link #main} after the shade step.
 */
public final class ServiceIndex {
    /** Where the index lives in the jar: one {@code <service> <class>} line per entry. */
    public static final String RESOURCE = "META-INF/plumbline/micronaut-services";
    private static final String SERVICES = "META-INF/micronaut/";

    private ServiceIndex() {
    }

    /** Writes the index of the jar {@code args[0]} into that jar. */
    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        String index = render(entries(jar));
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            Path target = zip.getPath(RESOURCE);
            Files.createDirectories(target.getParent());
            Files.writeString(target, index);
        }
    }

    /** The service entries of a jar, by service name, in the jar's order. */
    static Map<String, List<String>> entries(Path jar) throws IOException {
        Map<String, List<String>> services = new LinkedHashMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(e -> e.getName()).filter(n -> n.startsWith(SERVICES) && !n.endsWith("/")).forEach(n -> {
                String[] parts = n.substring(SERVICES.length()).split("/");
                if (parts.length == 2 && !parts[1].startsWith(".")) {
                    services.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
                }
            });
        }
        return services;
    }

    static String render(Map<String, List<String>> services) {
        StringBuilder text = new StringBuilder();
        services.forEach((service, classes) -> classes.forEach(c -> text.append(service).append(' ').append(c)
                .append('\n')));
        return text.toString();
    }

    /** The index of the jar this class was loaded from, or empty when running from classes (tests, an IDE). */
    static Optional<Map<String, List<String>>> read(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(parse(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static Map<String, List<String>> parse(InputStream in) throws IOException {
        Map<String, List<String>> services = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            int space = line.indexOf(' ');
            if (space > 0) {
                services.computeIfAbsent(line.substring(0, space), k -> new ArrayList<>()).add(line.substring(space + 1));
            }
        }
        return services;
    }
}
