package io.plumbline.http;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.plumbline.engine.Engine;
import jakarta.inject.Singleton;

/** Starts the engine once the HTTP server is up, so /health answers from the first poll on. */
@Singleton
public class EngineStarter implements ApplicationEventListener<ServerStartupEvent> {
    private final Engine engine;

    public EngineStarter(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        engine.start();
    }
}
