package io.plumbline.model;

/** What a plan does to one object. */
public enum Action {
    CREATE("+"),
    UPDATE("~"),
    DELETE("-"),
    NOOP(" "),
    /** Exists, is not declared, and is kept: pruning is off, or it is not Plumbline's to delete. */
    ORPHAN("?"),
    /** Declared, exists without Plumbline's marks, and is left alone until the environment says to adopt it. */
    ADOPT("@");

    private final String symbol;

    Action(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean writes() {
        return this == CREATE || this == UPDATE || this == DELETE;
    }
}
