package io.plumbline.engine.loop;

import io.plumbline.model.InvalidInputException;
import io.plumbline.model.RefusedException;
import io.plumbline.provider.ProviderException;

/** One way to put an exception into a status or history: never a bare "null". */
public final class Failures {
    private Failures() {
    }

    /** The message of an expected failure; the class and message of anything else. */
    public static String describe(Throwable e) {
        boolean expected = e instanceof ProviderException || e instanceof RefusedException
                || e instanceof InvalidInputException;
        if (expected && e.getMessage() != null) {
            return e.getMessage();
        }
        return "unexpected " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
