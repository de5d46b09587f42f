package io.plumbline.diff;

import io.plumbline.model.Action;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.Revision;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses a plan that would delete all owned objects, or more than the environment's
 * {@code sync.maxDeletePercent} of them, unless the commit message says it means it with a trailer
 * {@code Plumbline-Allow-Deletes: <count>} of at least that many deletions. The base is what Plumbline manages in
 * the plan: the objects that carry its marks, plus the unmarked members of exclusive containers it deletes.
 * Objects without marks that stay are never counted.
 */
public final class DeletionGuard {
    public static final String TRAILER = "Plumbline-Allow-Deletes";
    private static final Pattern TRAILER_LINE =
            Pattern.compile("(?im)^" + TRAILER + ":\\s*([0-9]+)\\s*$");

    private DeletionGuard() {
    }

    /**
     * What the guard says of one provider's plan.
     *
     * @param deletes how many objects the plan deletes
     * @param managed the owned objects (and deleted exclusive members) the share is computed from
     * @param refused whether apply refuses the plan
     * @param reason  why it is refused, naming the trailer that allows it; empty when not refused
     */
    public record Verdict(long deletes, long managed, boolean refused, String reason) {
        /** The trailer line that allows these deletions. */
        public String trailer() {
            return TRAILER + ": " + deletes;
        }
    }

    /** Judges a plan without throwing: the pipeline keeps the verdict with the plan, which shows it and apply enforces. */
    public static Verdict verdict(String provider, ChangeSet plan, int maxDeletePercent, Revision revision) {
        long deletes = plan.with(Action.DELETE).size();
        long managed = plan.filter(c -> c.actual() != null && (c.actual().owned() || c.action() == Action.DELETE))
                .size();
        if (deletes == 0) {
            return new Verdict(0, managed, false, "");
        }
        boolean all = deletes >= managed;
        boolean tooMany = deletes * 100 > (long) maxDeletePercent * managed;
        if ((all || tooMany) && allowedByCommit(revision) < deletes) {
            return new Verdict(deletes, managed, true, String.format(
                    "%s: refusing to delete %d of %d owned objects (%s; limit %d%%). If this is intended, "
                            + "add the trailer '%s: %d' to the commit message.",
                    provider, deletes, managed, all ? "all of them" : "over the limit", maxDeletePercent,
                    TRAILER, deletes));
        }
        return new Verdict(deletes, managed, false, "");
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
