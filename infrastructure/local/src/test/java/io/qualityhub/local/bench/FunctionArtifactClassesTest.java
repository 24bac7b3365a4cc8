package io.qualityhub.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every function's artifact holds every class its handler can reach: a library or SDK service left out of a
 * function's pom (decision 0019: each function ships only the services it calls) fails here, not on Lambda.
 * {@link FunctionArtifactsRunTest} runs each artifact; this check also covers the paths no single event takes.
 */
class FunctionArtifactClassesTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

  /** The cold-start benchmark runs these from every function's artifact, beside the handler. */
  private static final List<String> PROBES = List.of("io.qualityhub.core.bench.HandlerProbe",
      "io.qualityhub.core.bench.FloorProbe", "io.qualityhub.core.bench.LoggingProbe");

  @Test
  void everyFunctionsArtifactHoldsEveryClassItsHandlerCanReach() {
    Map<String, FunctionArtifact> functions = FunctionArtifact.all(ROOT);
    assertEquals(14, functions.size(), "template.yaml's functions: " + functions.keySet());
    Map<String, Map<String, String>> lacking = new TreeMap<>();
    for (FunctionArtifact function : functions.values()) {
      assertTrue(Files.isRegularFile(function.artifact()), function.artifact() + " is not built: mvn -B -DskipTests package");
      Map<String, String> missing = ArtifactClassClosure.missing(function.artifact(), entryPoints(function));
      if (!missing.isEmpty()) {
        lacking.put(function.name(), missing);
      }
    }
    assertEquals(Map.of(), lacking, "missing class -> the class that names it, per function: declare the library or"
        + " SDK service in functions/<function>/pom.xml");
  }

  @Test
  void aServiceTheArtifactDoesNotShipIsFoundAtTheClassThatUsesIt() {
    // The rekey function ships no S3 (it stores no object), though its libraries hold S3 adapters it never calls.
    FunctionArtifact rekey = FunctionArtifact.of(ROOT, "rekey");

    Map<String, String> missing = ArtifactClassClosure.missing(rekey.artifact(),
        List.of("io.qualityhub.reports.function.ReportStore"));

    assertEquals("io.qualityhub.reports.function.ReportStore", missing.get("software.amazon.awssdk.services.s3.S3Client"));
  }

  @Test
  void anEntryPointTheArtifactLacksIsMissing() {
    FunctionArtifact rekey = FunctionArtifact.of(ROOT, "rekey");

    assertEquals(Map.of("io.qualityhub.intake.IntakeHandler", "an entry point"),
        ArtifactClassClosure.missing(rekey.artifact(), List.of("io.qualityhub.intake.IntakeHandler")));
  }

  private static List<String> entryPoints(FunctionArtifact function) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(function.handler().split("::")[0]), PROBES.stream())
        .toList();
  }
}
