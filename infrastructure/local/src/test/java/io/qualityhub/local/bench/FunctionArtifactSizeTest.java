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
 * counts), read from the artifacts as built (decisions 0025 and 0033: shrunk by ProGuard after the shade plugin, the
 * report's PDF resources cut to what it writes).
 */
class FunctionArtifactSizeTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final long LIMIT = 45_000_000;

  @Test
  void everyFunctionsArtifactIsWithinTheLimit() {
    Map<String, String> tooLarge = new TreeMap<>();
    for (FunctionArtifact function : FunctionArtifact.all(ROOT).values()) {
      assertTrue(Files.isRegularFile(function.artifact()), function.artifact() + " is not built: mvn -B -DskipTests package");
      long unzipped = unzippedSize(function.artifact());
      if (unzipped > LIMIT) {
        tooLarge.put(function.name(), unzipped + " bytes unzipped > " + LIMIT);
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
            || name.contains(".ttf") || name.contains(".otf"))
        .toList();

    assertEquals(List.of(), pdfOrFont);
  }

  @Test
  void theReportArtifactCarriesItsOneFontAndOnlyTheCharacterMapsItWrites() {
    // The check above would pass on an empty jar: the one function that renders PDFs shows what it looks for.
    List<String> entries = entries(FunctionArtifact.of(ROOT, "report").artifact());
    assertEquals(List.of("io/qualityhub/reports/render/fonts/NotoSansTC-Regular.ttf.gz"),
        entries.stream().filter(name -> name.contains(".ttf") || name.contains(".otf")).toList());
    assertEquals(List.of("org/apache/fontbox/cmap/Identity-H", "org/apache/fontbox/cmap/Identity-V"),
        entries.stream().filter(name -> name.matches("org/apache/fontbox/cmap/[^/.]+")).sorted().toList());
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
