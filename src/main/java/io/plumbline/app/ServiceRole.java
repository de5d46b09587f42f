package io.plumbline.app;

import io.plumbline.engine.loop.EnvironmentScope;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.spec.haproxy.HaproxySpec;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a {@code serve} process is: the service, which reconciles every environment (leaving the HAProxy of an
 * environment that names proxy hosts to their agents), or the agent on one proxy host, which reconciles only the
 * HAProxy section of the environments that name its host ({@code spec.haproxy.hosts}), with the HAProxy provider
 * alone.
 *
 * @param haproxyHost the proxy host this agent runs on; empty for the service
 */
public record ServiceRole(Optional<String> haproxyHost) {
    /** {@code plumbline.role} of the service. */
    public static final String CENTRAL = "central";
    /** {@code plumbline.role} of a proxy agent. */
    public static final String HAPROXY_AGENT = "haproxy-agent";
    /** The schema's {@code hostId}: a host id goes into status contexts, URL paths and metric labels. */
    public static final String HOST_RULE = "a proxy host id is lower-case letters, digits and '-', starting and "
            + "ending with a letter or digit, at most 63 characters";
    private static final Pattern HOST_ID = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    public ServiceRole {
        haproxyHost.ifPresent(host -> {
            if (!validHost(host)) {
                throw new IllegalArgumentException(HOST_RULE + "; got '" + host + "'");
            }
        });
    }

    /** The service. */
    public static ServiceRole central() {
        return new ServiceRole(Optional.empty());
    }

    /**
     * The role a configuration names.
     *
     * @throws IllegalArgumentException for an unknown role, an agent without a valid host, or a host without the agent
     */
    public static ServiceRole of(String role, String host) {
        boolean hostGiven = host != null && !host.isBlank();
        return switch (role == null || role.isBlank() ? CENTRAL : role) {
            case CENTRAL -> {
                if (hostGiven) {
                    throw new IllegalArgumentException("a host is given only to the " + HAPROXY_AGENT + " role");
                }
                yield central();
            }
            case HAPROXY_AGENT -> {
                if (!hostGiven) {
                    throw new IllegalArgumentException("the " + HAPROXY_AGENT + " role needs the proxy host's id");
                }
                yield new ServiceRole(Optional.of(host));
            }
            default -> throw new IllegalArgumentException("unknown role '" + role + "': " + CENTRAL + " or "
                    + HAPROXY_AGENT);
        };
    }

    public static boolean validHost(String host) {
        return host != null && HOST_ID.matcher(host).matches();
    }

    public boolean agent() {
        return haproxyHost.isPresent();
    }

    /** The environments this process reconciles: all (the service), or those naming the agent's host. */
    public EnvironmentScope environments() {
        return haproxyHost.map(host -> EnvironmentScope.of(env -> namesHost(env, host))).orElse(EnvironmentScope.ALL);
    }

    /**
     * Whether this process applies the environment's HAProxy section: the service when no hosts are named (its
     * own HAProxy), an agent when its host is named. Never both.
     */
    boolean appliesHaproxy(LoadedEnvironment env) {
        HaproxySpec haproxy = env.environment().spec().haproxy();
        return haproxyHost.map(host -> namesHost(env, host)).orElse(haproxy == null || !haproxy.onAgents());
    }

    private static boolean namesHost(LoadedEnvironment env, String host) {
        HaproxySpec haproxy = env.environment().spec().haproxy();
        return haproxy != null && haproxy.hosts().contains(host);
    }
}
