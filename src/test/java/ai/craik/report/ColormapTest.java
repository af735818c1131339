package ai.craik.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ColormapTest {
  private final Colormap viridis = Colormap.viridis();

  @Test
  void endpointsAreMatplotlibsFirstAndLastViridisEntries() {
    // _viridis_data[0] = (0.267004, 0.004874, 0.329415), [255] = (0.993248, 0.906157, 0.143936)
    assertThat(viridis.rgb(0.0)).isEqualTo(0x440154);
    assertThat(viridis.rgb(1.0)).isEqualTo(0xfde725);
  }

  @Test
  void middleIsCloseToMatplotlibsEntry128() {
    // _viridis_data[128] = (0.127568, 0.566949, 0.550556) -> (33, 145, 140); t = 128/255
    Pixels.assertNear(viridis.rgb(128 / 255.0), 0x21918c, 7);
  }

  @Test
  void luminanceRisesMonotonically() {
    // steps of 0.01 (about 2.5 table entries): finer steps can tie or dip by 8-bit rounding
    double previous = -1;
    for (int i = 0; i <= 100; i++) {
      double y = luminance(viridis.rgb(i / 100.0));
      assertThat(y).as("luminance at t=%s", i / 100.0).isGreaterThan(previous);
      previous = y;
    }
    assertThat(luminance(viridis.rgb(1))).isGreaterThan(10 * luminance(viridis.rgb(0)));
  }

  @Test
  void clampsOutsideTheUnitIntervalAndRejectsNaN() {
    assertThat(viridis.rgb(-3)).isEqualTo(viridis.rgb(0));
    assertThat(viridis.rgb(7)).isEqualTo(viridis.rgb(1));
    assertThat(viridis.color(1).getRGB() & 0xffffff).isEqualTo(0xfde725);
    assertThatThrownBy(() -> viridis.rgb(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("t=NaN");
  }

  /** Relative luminance Y of an sRGB colour (ITU-R BT.709 weights on linearised channels). */
  private static double luminance(int rgb) {
    return 0.2126 * linear(Pixels.r(rgb)) + 0.7152 * linear(Pixels.g(rgb))
        + 0.0722 * linear(Pixels.b(rgb));
  }

  private static double linear(int channel) {
    double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
