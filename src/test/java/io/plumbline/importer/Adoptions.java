package io.plumbline.importer;

import io.plumbline.model.Action;
import io.plumbline.model.Change;

/** How the import's round trips tell an adoption from a change. */
public final class Adoptions {
    private Adoptions() {
    }

    /** An AWS adoption: an update whose only difference is that Plumbline's marks are missing. */
    public static boolean onlyMarks(Change c) {
        return c.action() == Action.UPDATE && !c.fields().isEmpty()
                && c.fields().stream().allMatch(f -> f.path().equals("marks") || f.path().startsWith("tags.plumbline:"));
    }
}
