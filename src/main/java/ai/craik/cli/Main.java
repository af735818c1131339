package ai.craik.cli;

import ai.craik.config.ConfigException;
import ai.craik.data.DatasetException;
import ai.craik.run.CheckpointException;
import ai.craik.run.RunDirException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code craik} command line. Bad arguments print one line and exit 2; a failure of the work
 * (bad config, unusable run folder, damaged checkpoint) prints one line and exits 1; a stack trace
 * only with {@code --verbose}.
 */
@Command(
    name = "craik",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Energy-based models, JEPA world models and planning agents.",
    subcommands = {InfoCommand.class, EbmCommand.class, EnvCommand.class, DataCommand.class,
        TrainCommand.class, PlanCommand.class, DemoCommand.class,
        BenchCommand.class, AgentCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  /** Exit code for a failed run (bad config, run folder, checkpoint, internal error). */
  public static final int EXIT_FAILURE = 1;
  /** Exit code for bad command-line usage. */
  public static final int EXIT_USAGE = 2;

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Show stack traces and debug logging.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Entry point. */
  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code (for tests). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
    if (verbose) {
      System.setProperty("craik.log.level", "DEBUG");
    }
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler((ex, a) -> {
      CommandLine c = ex.getCommandLine();
      err.println("craik: " + ex.getMessage().replace(System.lineSeparator(), " ")
          + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
      return EXIT_USAGE;
    });
    cli.setExecutionExceptionHandler((ex, c, parseResult) -> {
      if (verbose) {
        ex.printStackTrace(err);
      }
      err.println("craik: " + describe(ex, verbose));
      return EXIT_FAILURE;
    });
    return cli.execute(args);
  }

  private static String describe(Exception ex, boolean verbose) {
    boolean userFault = ex instanceof ConfigException || ex instanceof RunDirException
        || ex instanceof CheckpointException || ex instanceof DatasetException
        || ex instanceof IllegalArgumentException
        || ex instanceof java.io.UncheckedIOException;
    String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    message = message.replace(System.lineSeparator(), " ");
    if (userFault) {
      return "error: " + message;
    }
    return "internal error: " + ex.getClass().getSimpleName() + ": " + message
        + (verbose ? "" : " (rerun with --verbose for the stack trace)");
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"craik " + (v == null ? "dev" : v)};
    }
  }
}
