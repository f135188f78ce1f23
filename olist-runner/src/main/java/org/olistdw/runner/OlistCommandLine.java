package org.olistdw.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The {@code olist} command line: the runner's commands ({@code run}, {@code schedule}, {@code runs}, {@code versions},
 * {@code rollback}, {@code quality}), then the
 * subcommands a distribution adds, then {@code help}; every one of them ends with the exit codes of
 * {@link ExitCodes} and reports a failure as one line on the error stream ({@code olist: <cause>}), its stack
 * trace going to the log.
 *
 * <pre>
 * System.exit(OlistCommandLine.execute(args, arguments -> OlistCommandLine.builder()
 *         .subcommand(new GenerateCommand())
 *         .runExtension(new RunMetrics())
 *         .build()));
 * </pre>
 */
public final class OlistCommandLine {

    /** The system property naming the log directory (read by {@link LogConfiguration}). */
    static final String LOG_DIR_PROPERTY = "olist.log.dir";

    private OlistCommandLine() {
    }

    /** A builder of the command line, with the runner's commands only until more are added. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs {@code args} on the command line {@code commandLine} makes for them, as a process's {@code main} does,
     * and returns the exit code: the log is pointed at the work directory first ({@link #logToWorkDirectory}), and
     * a run's embedded PostgreSQL starts while the command line is built ({@link StartAhead}).
     */
    public static int execute(String[] args, Function<String[], CommandLine> commandLine) {
        logToWorkDirectory(args);
        try (StartAhead ahead = StartAhead.of(args)) {
            return commandLine.apply(args).execute(args);
        }
    }

    /**
     * Points the log file at {@code <work-dir>/logs}, the working directory being that of the arguments'
     * {@code --work-dir}, else of {@code OLIST_WORK_DIR}, else {@code ./olist-work}; leaves a log directory
     * already set as a system property ({@code -Dolist.log.dir=...}) alone. Call it before anything logs: the
     * logging backend reads the property once, when it starts.
     */
    public static void logToWorkDirectory(String... args) {
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, workDir(args).resolve("logs").toString());
        }
    }

    /** The working directory the arguments or the environment name, before logging starts. */
    static Path workDir(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--work-dir") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--work-dir=")) {
                return Path.of(args[i].substring("--work-dir=".length()));
            }
        }
        String env = System.getenv("OLIST_WORK_DIR");
        return Path.of(env == null || env.isBlank() ? WorkDirOption.DEFAULT : env);
    }

    /** Collects what a distribution adds to the runner's commands; {@link #build()} makes a new command line. */
    public static final class Builder {

        private final List<Object> subcommands = new ArrayList<>();
        private final List<RunExtension> runExtensions = new ArrayList<>();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Adds a subcommand, listed after the runner's in the order added.
         *
         * @param command an object annotated with picocli's {@code @Command}, whose name no other command has
         */
        public Builder subcommand(Object command) {
            subcommands.add(command);
            return this;
        }

        /** Adds an extension of {@code olist run}: its options join the run command's, and it follows each run. */
        public Builder runExtension(RunExtension extension) {
            runExtensions.add(extension);
            return this;
        }

        /**
         * The clock {@code olist run} takes its start, and so its as-of time, from (default: the system's, in UTC);
         * a fixed one makes runs that are compared with each other version their dimensions at the same instants.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** A new command line with the commands and extensions added so far. */
        public CommandLine build() {
            return build(command -> true);
        }

        /**
         * A new command line for {@code args}: when the first argument names a command, the top command holds that
         * one alone, which parses and runs {@code args} as the whole command line would; otherwise (no argument, an
         * option such as {@code --help}, {@code help}, or an unknown name) it holds every command. picocli reads
         * all the annotations of each command, its options and its subcommands as the command is added, which
         * costs a start-up a tenth of a second or more for the commands it does not run.
         */
        public CommandLine buildFor(String... args) {
            Objects.requireNonNull(args, "args");
            String first = args.length == 0 ? "" : args[0];
            List<Class<?>> commands = new ArrayList<>(List.of(RunCommand.class));
            commands.addAll(otherRunnerCommands().keySet());
            subcommands.forEach(command -> commands.add(command.getClass()));
            boolean named = !first.equals("help") && commands.stream().anyMatch(command -> names(command).contains(first));
            return build(named ? command -> names(command).contains(first) : command -> true);
        }

        /** The runner's commands after {@code run} (which takes the extensions), in the order the help lists them. */
        private static Map<Class<?>, Supplier<Object>> otherRunnerCommands() {
            Map<Class<?>, Supplier<Object>> commands = new LinkedHashMap<>();
            commands.put(ScheduleCommand.class, ScheduleCommand::new);
            commands.put(RunsCommand.class, RunsCommand::new);
            commands.put(VersionsCommand.class, VersionsCommand::new);
            commands.put(RollbackCommand.class, RollbackCommand::new);
            commands.put(QualityCommand.class, QualityCommand::new);
            commands.put(UsersCommand.class, UsersCommand::new);
            commands.put(AuditCommand.class, AuditCommand::new);
            commands.put(ServeCommand.class, ServeCommand::new);
            return commands;
        }

        /** The name and aliases of a command class, from its {@code @Command} annotation. */
        private static List<String> names(Class<?> command) {
            CommandLine.Command annotation = command.getAnnotation(CommandLine.Command.class);
            if (annotation == null) {
                return List.of();
            }
            List<String> names = new ArrayList<>(List.of(annotation.aliases()));
            names.add(annotation.name());
            return names;
        }

        private CommandLine build(Predicate<Class<?>> wanted) {
            CommandLine olist = new CommandLine(new OlistCommand());
            if (wanted.test(RunCommand.class)) {
                CommandLine run = new CommandLine(new RunCommand(runExtensions, clock));
                for (int i = 0; i < runExtensions.size(); i++) {
                    run.addMixin("extension" + i, runExtensions.get(i));
                }
                olist.addSubcommand(run);
            }
            otherRunnerCommands().forEach((type, command) -> {
                if (wanted.test(type)) {
                    olist.addSubcommand(command.get());
                }
            });
            subcommands.stream().filter(command -> wanted.test(command.getClass())).forEach(olist::addSubcommand);
            olist.addSubcommand(new CommandLine.HelpCommand());
            olist.setExitCodeExceptionMapper(e -> {
                if (e instanceof CommandLine.ParameterException) {
                    return ExitCodes.USAGE; // also when a command finds its arguments wrong while running
                }
                return Wiring.environmentProblem(e).isPresent() ? ExitCodes.ENVIRONMENT : ExitCodes.RUN_FAILED;
            });
            olist.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                PrintWriter err = commandLine.getErr();
                err.println("olist: " + Console.oneLine(Wiring.environmentProblem(e).<Throwable>map(problem -> problem).orElse(e)));
                LoggerFactory.getLogger(OlistCommand.class).error("command failed", e);
                err.flush();
                return commandLine.getExitCodeExceptionMapper().getExitCode(e);
            });
            return olist;
        }
    }
}
