package io.plumbline.engine.plan;

/** What the configuration repository's history says about two commits. */
@FunctionalInterface
public interface Ancestry {
    /** Without a history (a folder on the command line) nothing is known to descend from anything. */
    Ancestry NONE = (ancestor, descendant) -> false;

    /** True when {@code descendant} is {@code ancestor} or has it in its history; false when either is unknown. */
    boolean isAncestor(String ancestor, String descendant);
}
