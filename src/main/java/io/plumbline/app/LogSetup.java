package io.plumbline.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;

/**
 * Plumbline's logging, set up in code: one line per event on standard output, {@code PLUMBLINE_LOG_LEVEL}
 * (default INFO) for Plumbline, WARN for the libraries. Found by logback through {@code META-INF/services}.
 *
 * <p>Why not {@code logback.xml}: reading it costs an XML parser and several hundred classes, a tenth of a
 * second of every start. A {@code logback.configurationFile} system property or a {@code logback-test.xml} on the
 * class path still wins: this configurator then steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX} %-5level %logger{0} - %msg%n";
    private static final String[] QUIET = {"io.netty", "io.micronaut", "org.eclipse.jgit"};

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();
        for (String library : QUIET) {
            context.getLogger(library).setLevel(Level.WARN);
        }
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getenv().getOrDefault("PLUMBLINE_LOG_LEVEL", "INFO")
                .toUpperCase(Locale.ROOT), Level.INFO));
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
