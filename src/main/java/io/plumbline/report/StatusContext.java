package io.plumbline.report;

import java.util.Optional;

/**
 * The three kinds of status Plumbline posts per environment, as their context names show. The one place contexts
 * are named: a proxy agent names its host in each, so every host has its own status on the commit.
 */
public enum StatusContext {
    /** An apply of the environment at a commit: {@code plumbline/<environment>}. */
    APPLY(""),
    /** Live state drifted from the commit: {@code plumbline/<environment>/drift}. */
    DRIFT("/drift"),
    /** A plan for a pull request's head: {@code plumbline/<environment>/plan}. */
    PLAN("/plan");

    private final String suffix;

    StatusContext(String suffix) {
        this.suffix = suffix;
    }

    public String of(String environment) {
        return "plumbline/" + environment + suffix;
    }

    /**
     * The context as the service ({@code agentHost} empty) or a proxy agent posts it:
     * {@code plumbline/<environment>/haproxy@<host>}, {@code .../haproxy@<host>/drift}.
     */
    public String of(String environment, Optional<String> agentHost) {
        return agentHost.map(host -> "plumbline/" + environment + "/haproxy@" + host + suffix)
                .orElseGet(() -> of(environment));
    }
}
