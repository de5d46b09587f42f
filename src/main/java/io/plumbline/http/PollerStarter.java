package io.plumbline.http;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.plumbline.engine.Poller;
import jakarta.inject.Singleton;

/** Starts polling once the HTTP server is up, so /health answers from the first poll on. */
@Singleton
public class PollerStarter implements ApplicationEventListener<ServerStartupEvent> {
    private final Poller poller;

    public PollerStarter(Poller poller) {
        this.poller = poller;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        poller.start();
    }
}
