package ai.craik.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The layer rule of docs/ARCHITECTURE.md: a package may depend on packages of its own layer and of
 * lower layers only.
 */
class LayerRuleTest {
  /** Layers from the bottom up; each lists its packages under ai.craik. */
  static final List<List<String>> LAYERS = List.of(
      List.of("config", "engine", "nn", "run"),
      List.of("env", "data"),
      List.of("ebm", "ssl", "jepa", "train", "eval"),
      List.of("plan"),
      List.of("agent"),
      List.of("cli", "report", "lab"));

  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("ai.craik");
  }

  static IntStream layerIndices() {
    return IntStream.range(0, LAYERS.size() - 1);
  }

  @ParameterizedTest(name = "layer {0} imports no higher layer")
  @MethodSource("layerIndices")
  void lowerLayersNeverImportHigherOnes(int layer) {
    String[] own = packages(LAYERS.get(layer));
    String[] higher = packages(LAYERS.subList(layer + 1, LAYERS.size()).stream()
        .flatMap(List::stream).toList());
    noClasses().that().resideInAnyPackage(own)
        .should().dependOnClassesThat().resideInAnyPackage(higher)
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void everyPackageBelongsToALayer() {
    List<String> known = LAYERS.stream().flatMap(List::stream).toList();
    List<String> unknown = classes.stream()
        .map(c -> c.getPackageName())
        .filter(p -> p.startsWith("ai.craik."))
        .map(p -> p.substring("ai.craik.".length()).split("\\.")[0])
        .distinct()
        .filter(p -> !known.contains(p))
        .toList();
    assertThat(unknown).as("packages missing from the layer table").isEmpty();
  }

  private static String[] packages(List<String> names) {
    return names.stream().map(n -> "ai.craik." + n + "..").toArray(String[]::new);
  }

}
