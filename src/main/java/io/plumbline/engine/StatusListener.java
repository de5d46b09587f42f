package io.plumbline.engine;

import io.plumbline.model.Outcome;
import io.plumbline.model.Revision;

/** Posts {@code plumbline/<env>}: pending when a reconcile starts, then its result. */
public final class StatusListener implements OutcomeListener {
    private final StatusSink sink;
    private final Links links;

    public StatusListener(StatusSink sink, Links links) {
        this.sink = sink;
        this.links = links;
    }

    @Override
    public void started(String environment, Revision revision) {
        if (!revision.equals(Revision.WORKING_TREE)) {
            sink.post(revision.commit(), context(environment), "pending", "reconciling " + environment,
                    links.history(environment));
        }
    }

    @Override
    public void finished(Outcome outcome) {
        if (outcome.revision().equals(Revision.WORKING_TREE)) {
            return;
        }
        String state = switch (outcome.result()) {
            case SUCCESS -> "success";
            case FAILURE, INVALID -> "failure";
            case REFUSED -> "error";
        };
        sink.post(outcome.revision().commit(), context(outcome.environment()), state, outcome.summary(),
                links.history(outcome.environment()));
    }

    public static String context(String environment) {
        return "plumbline/" + environment;
    }
}
