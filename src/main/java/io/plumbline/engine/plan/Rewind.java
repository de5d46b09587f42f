package io.plumbline.engine.plan;

import io.plumbline.model.LoadedEnvironment;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * History only moves forward: a head that does not descend from the last applied commit (a force-push to older
 * history) would silently roll infrastructure back, so it is refused unless the environment allows rewinds
 * ({@code spec.sync.allowRewind}) or the head's message names the commit it rewinds from with the trailer
 * {@code Plumbline-Allow-Rewind: <sha>}.
 */
public final class Rewind {
    private static final Pattern TRAILER = Pattern.compile("(?mi)^Plumbline-Allow-Rewind:\\s*([0-9a-f]{7,64})\\s*$");

    private Rewind() {
    }

    /** Why this head must not be applied, or empty when it may. */
    public static Optional<String> refusal(LoadedEnvironment env, Optional<String> lastApplied, Ancestry ancestry) {
        String head = env.revision().commit();
        if (lastApplied.isEmpty() || lastApplied.get().equals(head)
                || env.environment().spec().sync().rewindAllowed()
                || ancestry.isAncestor(lastApplied.get(), head)
                || trailerNames(env.revision().message(), lastApplied.get())) {
            return Optional.empty();
        }
        return Optional.of("not a fast-forward of " + lastApplied.get() + ": " + env.revision().shortCommit()
                + " does not descend from the last applied commit; to roll back on purpose, add the trailer "
                + "'Plumbline-Allow-Rewind: " + lastApplied.get() + "' to the commit message");
    }

    private static boolean trailerNames(String message, String applied) {
        Matcher m = TRAILER.matcher(message == null ? "" : message);
        while (m.find()) {
            if (applied.startsWith(m.group(1).toLowerCase())) {
                return true;
            }
        }
        return false;
    }
}
