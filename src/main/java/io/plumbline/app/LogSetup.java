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
 * <p>On the command line ({@link #commandLine}) standard output is the command's answer alone: logs go to
 * standard error, and only warnings and errors unless the command was given {@code --verbose}.
 *
 * <p>Why not {@code logback.xml}: reading it costs an XML parser and several hundred classes, a tenth of a
 * second of every start. A {@code logback.configurationFile} system property or a {@code logback-test.xml} on the
 * class path still wins: this configurator then steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX} %-5level %logger{0} - %msg%n";
    private static final String[] QUIET = {"io.netty", "io.micronaut", "org.eclipse.jgit"};
    private static final String CONSOLE = "CONSOLE";

    private static volatile boolean commandLine;
    private static volatile boolean verbose;
    /** The context this class configured, once logback has asked it to; null before, or when it stepped aside. */
    private static volatile LoggerContext configured;

    /**
     * Logs of a command run from a terminal: to standard error, at WARN unless {@code verboseLogs}. Takes effect
     * whether logback has started yet or not, and starts nothing itself (a command that never logs pays nothing).
     * A configuration of the user's own ({@code logback.configurationFile}) is left as it is.
     */
    public static void commandLine(boolean verboseLogs) {
        commandLine = true;
        verbose = verboseLogs;
        LoggerContext context = configured;
        if (context != null) {
            direct(context);
        }
    }

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
        console.setName(CONSOLE);
        console.setEncoder(encoder);
        for (String library : QUIET) {
            context.getLogger(library).setLevel(Level.WARN);
        }
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(console);
        direct(context);
        configured = context;
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Where the console appender writes and from which level, for a service or a command. */
    @SuppressWarnings("unchecked")
    private static synchronized void direct(LoggerContext context) {
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = Level.toLevel(System.getenv().getOrDefault("PLUMBLINE_LOG_LEVEL", "INFO")
                .toUpperCase(Locale.ROOT), Level.INFO);
        root.setLevel(commandLine && !verbose ? Level.WARN : level);
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender(CONSOLE);
        console.stop();
        console.setTarget(commandLine ? "System.err" : "System.out");
        console.start();
    }
}
