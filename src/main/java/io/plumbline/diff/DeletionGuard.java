package io.plumbline.diff;

import io.plumbline.model.Action;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.RefusedException;
import io.plumbline.model.Revision;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses a plan that would delete all owned objects, or more than the environment's
 * {@code sync.maxDeletePercent} of them, unless the commit message says it means it with a trailer
 * {@code Plumbline-Allow-Deletes: <count>} of at least that many deletions.
 */
public final class DeletionGuard {
    public static final String TRAILER = "Plumbline-Allow-Deletes";
    private static final Pattern TRAILER_LINE =
            Pattern.compile("(?im)^" + TRAILER + ":\\s*([0-9]+)\\s*$");

    private DeletionGuard() {
    }

    public static void check(String provider, ChangeSet plan, int maxDeletePercent, Revision revision) {
        long deletes = plan.with(Action.DELETE).size();
        if (deletes == 0) {
            return;
        }
        long owned = plan.filter(c -> c.actual() != null && c.actual().owned()).size();
        boolean all = deletes >= owned;
        boolean tooMany = deletes * 100 > (long) maxDeletePercent * owned;
        if ((all || tooMany) && allowedByCommit(revision) < deletes) {
            throw new RefusedException(String.format(
                    "%s: refusing to delete %d of %d owned objects (%s; limit %d%%). If this is intended, "
                            + "add the trailer '%s: %d' to the commit message.",
                    provider, deletes, owned, all ? "all of them" : "over the limit", maxDeletePercent,
                    TRAILER, deletes));
        }
    }

    static long allowedByCommit(Revision revision) {
        Matcher m = TRAILER_LINE.matcher(revision.message());
        long allowed = 0;
        while (m.find()) {
            allowed = Math.max(allowed, Long.parseLong(m.group(1)));
        }
        return allowed;
    }
}
