package io.plumbline.report;

/** The three kinds of status Plumbline posts per environment, as their context names show. */
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
}
