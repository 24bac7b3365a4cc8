package io.qualityhub.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's bound on what each function deploys: at most 45 MB unzipped (the sum of its entries' sizes, what Lambda
 * counts), read from the artifacts as built (decision 0025: shrunk by ProGuard after the shade plugin). The functions
 * that do not meet it yet are named with the ceiling they were measured under, so that neither they nor the others
 * grow unnoticed.
 */
class FunctionArtifactSizeTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final long LIMIT = 45_000_000;

  /**
   * Over the limit as built today (docs/benchmarks.md "Shrinking on by default"): the report function alone, 64.97 MB
   * of which its two CJK fonts are 14.2. PROVISIONAL ceiling, about 0.5 MB above that: tighten it when the fonts are
   * subset.
   */
  private static final Map<String, Long> OVER_THE_LIMIT = Map.of("report", 65_500_000L);

  @Test
  void everyFunctionsArtifactIsWithinTheLimitOrItsMeasuredCeiling() {
    Map<String, String> tooLarge = new TreeMap<>();
    for (FunctionArtifact function : FunctionArtifact.all(ROOT).values()) {
      assertTrue(Files.isRegularFile(function.artifact()), function.artifact() + " is not built: mvn -B -DskipTests package");
      long unzipped = unzippedSize(function.artifact());
      long bound = OVER_THE_LIMIT.getOrDefault(function.name(), LIMIT);
      if (unzipped > bound) {
        tooLarge.put(function.name(), unzipped + " bytes unzipped > " + bound);
      }
    }
    assertEquals(Map.of(), tooLarge);
  }

  @Test
  void theReportAccessArtifactHoldsNoPdfRenderingAndNoFont() {
    List<String> pdfOrFont = entries(FunctionArtifact.of(ROOT, "report-access").artifact()).stream()
        .filter(name -> name.startsWith("org/apache/pdfbox/") || name.startsWith("org/apache/fontbox/")
            || name.startsWith("io/qualityhub/reports/render/Pdf") || name.startsWith("io/qualityhub/reports/render/CjkFonts")
            || name.startsWith("io/qualityhub/reports/render/fonts/")
            || name.endsWith(".ttf") || name.endsWith(".otf"))
        .toList();

    assertEquals(List.of(), pdfOrFont);
  }

  @Test
  void theReportArtifactStillCarriesItsFonts() {
    // The check above would pass on an empty jar: the one function that renders PDFs shows what it looks for.
    assertTrue(entries(FunctionArtifact.of(ROOT, "report").artifact())
        .contains("io/qualityhub/reports/render/fonts/NotoSansTC-Regular.ttf"));
  }

  private static long unzippedSize(Path artifact) {
    try (ZipFile jar = new ZipFile(artifact.toFile())) {
      return jar.stream().mapToLong(ZipEntry::getSize).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> entries(Path artifact) {
    try (ZipFile jar = new ZipFile(artifact.toFile())) {
      return jar.stream().map(ZipEntry::getName).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
