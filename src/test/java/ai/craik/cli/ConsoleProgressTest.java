package ai.craik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Plain-line progress (a pipe or CI log): the unit's word, the resume line, ETA formatting. */
class ConsoleProgressTest {
  @Test
  void plainLinesNameTheUnitAndTheResumePoint() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true,
        StandardCharsets.UTF_8), false)) {
      p.start("plan mppi", 10, 4, "episode");
      p.update(10, "success 7/10");
      p.start("train", 100, 0);
      p.update(100, "loss=1");
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("[plan mppi] resuming at episode 4/10")
        .contains("[plan mppi] episode 10/10 (100%)").contains("episodes/s")
        .contains("success 7/10").contains("[train] step 100/100 (100%)")
        .doesNotContain("[plan mppi] step");
    assertThat(ConsoleProgress.formatSeconds(3725)).isEqualTo("1h02m");
    assertThat(ConsoleProgress.formatSeconds(75)).isEqualTo("1m15s");
  }
}
