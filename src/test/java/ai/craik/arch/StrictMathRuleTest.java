package ai.craik.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Host-side transcendental math goes through {@link StrictMath}: HotSpot may evaluate
 * {@code Math.pow}, {@code Math.log}, {@code Math.cos}, ... by different routines in interpreted
 * and JIT-compiled code (results may differ in the last bit), so a run's numbers would depend on
 * when the JIT compiled a method — the same seed would not give the same metrics.
 */
class StrictMathRuleTest {
  private static final List<String> ONE_ARG = List.of("exp", "log", "log10", "log1p", "expm1",
      "cos", "sin", "tan", "acos", "asin", "atan", "cbrt", "tanh", "cosh", "sinh");
  private static final List<String> TWO_ARGS = List.of("pow", "atan2", "hypot");

  @Test
  void mainCodeUsesStrictMathForTranscendentals() {
    JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("ai.craik");
    for (String m : ONE_ARG) {
      noClasses().should().callMethod(Math.class, m, double.class)
          .because("Math." + m + " may differ between interpreted and compiled code; use StrictMath")
          .check(classes);
    }
    for (String m : TWO_ARGS) {
      noClasses().should().callMethod(Math.class, m, double.class, double.class)
          .because("Math." + m + " may differ between interpreted and compiled code; use StrictMath")
          .check(classes);
    }
  }
}
