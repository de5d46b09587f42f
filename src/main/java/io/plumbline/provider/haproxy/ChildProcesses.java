package io.plumbline.provider.haproxy;

import java.util.List;
import java.util.Map;

/**
 * The processes Plumbline starts get an environment of their own, not the service's: the service's environment
 * carries its secrets (API tokens, webhook secrets, the Git token, cloud credentials), and a child has no use for
 * them. HAProxy would even hand them on: a configuration may read any variable as {@code "${NAME}"}. A child gets
 * only what finding programs and reading text need.
 */
final class ChildProcesses {
    /** The only variables a child inherits, when the service has them. */
    static final List<String> INHERITED = List.of("PATH", "LANG", "LC_ALL", "TZ");

    private ChildProcesses() {
    }

    /** A builder for {@code command} whose environment holds {@link #INHERITED} alone. */
    static ProcessBuilder of(String... command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.clear();
        INHERITED.forEach(name -> {
            String value = System.getenv(name);
            if (value != null) {
                environment.put(name, value);
            }
        });
        return builder;
    }
}
