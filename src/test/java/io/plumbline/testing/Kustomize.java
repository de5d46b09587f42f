package io.plumbline.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/** {@code kubectl kustomize} and {@code kubectl apply} with the kubectl built beside the control plane. */
public final class Kustomize {
    private Kustomize() {
    }

    /** The rendered text of a Kustomize folder; fails with kubectl's message when it cannot render. */
    public static String text(ControlPlane plane, Path folder) throws IOException, InterruptedException {
        return kubectl(plane, "", "kustomize", folder.toString());
    }

    /** The rendered objects, in kubectl's order. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> render(ControlPlane plane, Path folder)
            throws IOException, InterruptedException {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(text(plane, folder))) {
            if (doc != null) {
                objects.add((Map<String, Object>) doc);
            }
        }
        return objects;
    }

    /** Runs kubectl against the plane with {@code input} on its standard input; its output, or a failure. */
    public static String kubectl(ControlPlane plane, String input, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(plane.tool("kubectl").toString(), "--kubeconfig",
                plane.kubeconfig().toString()));
        command.addAll(List.of(arguments));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String out;
        try (InputStream output = p.getInputStream()) {
            out = new String(output.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    /** The first rendered object of {@code kind}. */
    public static Map<String, Object> one(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).findFirst().orElseThrow();
    }

    /** The value at a path of keys into a rendered object, or null where the path ends early. */
    @SuppressWarnings("unchecked")
    public static Object at(Map<String, Object> object, String... path) {
        Object here = object;
        for (String key : path) {
            here = here == null ? null : ((Map<String, Object>) here).get(key);
        }
        return here;
    }
}
