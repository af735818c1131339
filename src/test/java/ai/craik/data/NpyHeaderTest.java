package ai.craik.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NpyHeaderTest {

  @Test
  void encodedHeaderFollowsTheNpySpecAndParsesBack() throws Exception {
    NpyHeader h = NpyHeader.of(NpyHeader.FLOAT32, 3, 91, 2);
    byte[] b = h.encode();
    assertThat(b.length % 64).isZero();
    assertThat(b[0] & 0xff).isEqualTo(0x93);
    assertThat(new String(b, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
    assertThat(b[6]).isEqualTo((byte) 1);
    assertThat(b[7]).isEqualTo((byte) 0);
    int len = (b[8] & 0xff) | (b[9] & 0xff) << 8;
    assertThat(10 + len).isEqualTo(b.length);
    String dict = new String(b, 10, len, StandardCharsets.US_ASCII);
    assertThat(dict).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 91, 2), }")
        .endsWith("\n");
    assertThat(NpyHeader.read(new ByteArrayInputStream(b), "test")).isEqualTo(h);
    assertThat(h.dataBytes()).isEqualTo(3 * 91 * 2 * 4);
  }

  @Test
  void oneDimensionalShapesGetPythonsTrailingComma() throws Exception {
    byte[] b = NpyHeader.of(NpyHeader.INT32, 7).encode();
    assertThat(new String(b, StandardCharsets.US_ASCII)).contains("'shape': (7,), }");
    assertThat(NpyHeader.read(new ByteArrayInputStream(b), "t").shape()).containsExactly(7);
  }

  @Test
  void readsHeadersAsNumpyWritesThem() {
    // numpy.lib.format writes the keys in this order and pads with spaces.
    NpyHeader h = NpyHeader.parse(
        "{'descr': '|u1', 'fortran_order': False, 'shape': (2, 3, 2, 32, 32), }      \n", "t");
    assertThat(h.descr()).isEqualTo(NpyHeader.UINT8);
    assertThat(h.shape()).containsExactly(2, 3, 2, 32, 32);
    assertThat(NpyHeader.parse("{'descr': '<f4', 'fortran_order': False, 'shape': (), }", "t")
        .elements()).isEqualTo(1);
  }

  @Test
  void badInputNamesTheSource() {
    assertThatThrownBy(() -> NpyHeader.read(
        new ByteArrayInputStream("not numpy at all".getBytes(StandardCharsets.US_ASCII)), "f:k"))
        .isInstanceOf(DatasetException.class).hasMessageContaining("f:k")
        .hasMessageContaining("bad magic");
    assertThatThrownBy(() -> NpyHeader.parse("{'descr': '<f8', 'fortran_order': False,"
        + " 'shape': (2,), }", "f:k").dataBytes())
        .isInstanceOf(DatasetException.class).hasMessageContaining("<f8");
  }
}
