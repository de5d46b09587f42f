package io.plumbline.engine.schedule;

import java.util.Locale;

/**
 * What named an environment. A trigger carries no revision: the reconciler always takes the environment's newest
 * desired state. Declared in order of precedence: when several coalesce, the first one labels the reconcile.
 */
public enum Trigger {
    /** A push webhook woke the poller, which found a new revision. */
    WEBHOOK,
    /** The poller found a new revision. */
    POLL,
    /** {@code plumbline apply} on the command line. */
    CLI,
    /** {@code POST /api/environments/{env}/resume}: the newest commit is reconciled again, as a commit is. */
    RESUME,
    /** {@code POST /api/environments/{env}/reconcile}. */
    API,
    /** The backoff of a failure that may pass ran out. */
    RETRY,
    /** This replica of a fleet took the environment over: it reconciles the newest commit, as its new owner. */
    TAKEOVER,
    /** The environment's drift timer. */
    DRIFT;

    /** Named by an operator (API reconcile, resume): allowed outside the allow windows, never in a deny window. */
    public boolean manual() {
        return this == API || this == RESUME;
    }

    /** As history, logs and the {@code trigger} field show it: {@code webhook}, {@code poll}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** API and drift reconciles are requests about a commit already applied; history keeps them apart. */
    public static boolean isRequest(String label) {
        return label.equals(API.label()) || label.equals(DRIFT.label());
    }
}
