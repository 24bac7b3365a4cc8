package io.qualityhub.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionArtifactTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

  private static final String TEMPLATE = """
      Globals:
        Function:
          Runtime: java21
          CodeUri: functions/shared/target/shared.jar
      Resources:
        IntakeFunction:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: functions/intake/target/qualityhub-intake-function.jar
            Handler: io.qualityhub.intake.IntakeHandler::handleRequest
        ReportAccessFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: io.qualityhub.reports.function.ReportAccessHandler::handleRequest
        IntakeQueue:
          Type: AWS::SQS::Queue
      """;

  @TempDir
  Path project;

  @Test
  void aFunctionRunsFromTheArtifactItsOwnCodeUriNames() throws IOException {
    writeProject("functions/intake/target/qualityhub-intake-function.jar");

    FunctionArtifact intake = FunctionArtifact.of(project, "intake");

    assertEquals(new FunctionArtifact("intake", "IntakeFunction", "io.qualityhub.intake.IntakeHandler::handleRequest",
        project.resolve("functions/intake/target/qualityhub-intake-function.jar")), intake);
  }

  @Test
  void aFunctionWithoutACodeUriOfItsOwnRunsFromTheGlobalOne() throws IOException {
    writeProject("functions/shared/target/shared.jar");

    FunctionArtifact access = FunctionArtifact.of(project, "report-access");

    assertEquals("ReportAccessFunction", access.logicalId());
    assertEquals(project.resolve("functions/shared/target/shared.jar"), access.artifact());
  }

  @Test
  void anUnknownFunctionIsRefusedWithTheTemplatesFunctions() throws IOException {
    writeProject();

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> FunctionArtifact.of(project, "aggregate"));

    assertEquals("template.yaml has no function 'aggregate'; it has [intake, report-access]", refused.getMessage());
  }

  @Test
  void anArtifactNotBuiltYetSaysHowToBuildIt() throws IOException {
    writeProject();

    IllegalStateException missing = assertThrows(IllegalStateException.class, () -> FunctionArtifact.of(project, "intake"));

    assertEquals("IntakeFunction's artifact " + project.resolve("functions/intake/target/qualityhub-intake-function.jar")
        + " (template.yaml's CodeUri) does not exist: build it first (mvn -B -DskipTests package)", missing.getMessage());
  }

  @Test
  void everyFunctionTheBenchmarkMeasuresIsInTheProjectsTemplate() {
    assertTrue(FunctionArtifact.all(ROOT).keySet().containsAll(ColdStartBenchmark.FUNCTIONS),
        FunctionArtifact.all(ROOT).keySet().toString());
  }

  @Test
  void namesAreLogicalIdsWithoutFunctionInKebabCase() {
    assertEquals("audit-digest", FunctionArtifact.nameOf("AuditDigestFunction"));
    assertEquals("intake", FunctionArtifact.nameOf("IntakeFunction"));
  }

  private void writeProject(String... builtArtifacts) throws IOException {
    Files.writeString(project.resolve("template.yaml"), TEMPLATE);
    for (String artifact : builtArtifacts) {
      Files.createDirectories(project.resolve(artifact).getParent());
      Files.write(project.resolve(artifact), new byte[] {1});
    }
  }
}
