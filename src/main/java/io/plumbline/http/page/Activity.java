package io.plumbline.http.page;

import io.plumbline.engine.history.OutcomeListener;
import io.plumbline.model.Outcome;
import io.plumbline.model.Revision;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Which environments are being reconciled right now, so the page knows to refresh itself. */
@Singleton
public final class Activity implements OutcomeListener {
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    @Override
    public void started(String environment, Revision revision) {
        running.add(environment);
    }

    @Override
    public void finished(Outcome outcome) {
        running.remove(outcome.environment());
    }

    public boolean running(String environment) {
        return running.contains(environment);
    }

    public boolean any() {
        return !running.isEmpty();
    }
}
