package io.plumbline.cli;

import picocli.CommandLine.Option;

/**
 * {@code --verbose} of the commands run from a terminal. Without it standard output holds the command's answer
 * alone and only warnings and errors are logged, to standard error; {@link Main} reads it before the command runs.
 */
final class VerboseOption {
    static final String NAME = "--verbose";

    @Option(names = NAME, description = "Also log what the command does (INFO, or PLUMBLINE_LOG_LEVEL) on standard error")
    boolean verbose;
}
