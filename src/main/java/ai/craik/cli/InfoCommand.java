package ai.craik.cli;

import ai.craik.engine.EngineInfo;
import ai.craik.engine.Engines;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code craik info}: the Java, engine and native library versions, threads and devices. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "Show Java, engine and native library versions, thread count and devices.")
final class InfoCommand implements Callable<Integer> {
  @Option(names = "--threads", paramLabel = "N",
      description = "Intra-op threads for the engine (default: ${DEFAULT-VALUE}).")
  int threads = RunOptions.defaultThreads();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    EngineInfo info = Engines.start(threads, 0);
    var out = spec.commandLine().getOut();
    String version = InfoCommand.class.getPackage().getImplementationVersion();
    out.printf("craik           %s%n", version == null ? "dev" : version);
    out.printf("java            %s (%s, %s)%n", System.getProperty("java.version"),
        System.getProperty("java.vm.name"), System.getProperty("java.home"));
    out.printf("os              %s %s (%s)%n", System.getProperty("os.name"),
        System.getProperty("os.version"), System.getProperty("os.arch"));
    out.printf("cpus            %d available%n", Runtime.getRuntime().availableProcessors());
    out.printf("max heap        %d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
    out.printf("djl             %s%n", info.djlVersion());
    out.printf("engine          %s %s%n", info.engine(), info.nativeVersion());
    out.printf("offline         %s%n", System.getProperty("ai.djl.offline"));
    out.printf("threads         %d intra-op%n", info.threads());
    out.printf("devices         %s%n", String.join(", ", info.devices()));
    return 0;
  }
}
