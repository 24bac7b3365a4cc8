package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.emulator.LocalEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The command line as a person meets it: help, version, exit codes, errors on stderr, and no stack built by accident. */
class CommandLineTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

  private static LocalEmulator empty;

  @BeforeAll
  static void startAnEmptyEmulator() {
    System.setProperty("qualityhub.root", ROOT.toString());
    empty = LocalEmulator.startOrConnect(ROOT);
  }

  @AfterAll
  static void stop() {
    empty.close();
  }

  record Run(int status, String out, String err) {}

  static Run cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = QualityHubCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void everySubcommandAnswersHelpWithItsUsage() {
    List<String> expected = List.of("demo", "validate", "generate", "bench", "lookup", "erase", "rekey", "sample", "report",
        "audit", "redrive", "faults", "emulator", "reseal");
    assertTrue(QualityHubCli.names().containsAll(expected), "registered: " + QualityHubCli.names());
    for (String command : QualityHubCli.names()) {
      for (String help : List.of("--help", "-h")) {
        Run run = cli(command, help);
        assertEquals(0, run.status(), command + " " + help + ": " + run.err());
        assertTrue(run.out().startsWith("Usage: qualityhub " + command) || command.equals("generate") && run.out().startsWith("Usage: generate"),
            command + " " + help + " printed: " + run.out());
        assertEquals("", run.err(), command);
      }
    }
    Run audit = cli("audit", "--help");
    assertTrue(audit.out().startsWith("Usage: qualityhub audit list [--since DATE] " + AwsTarget.USAGE + "\n"
        + "       qualityhub audit verify " + AwsTarget.USAGE + "\n"), "the usage text as written, unwrapped: " + audit.out());
    Run lookup = cli("lookup", "--help");
    assertTrue(lookup.out().contains("--stack NAME") && lookup.out().contains("--profile NAME") && lookup.out().contains("--region REGION"),
        lookup.out());
  }

  @Test
  void topLevelHelpListsTheCommandsAndExitCodes() {
    Run run = cli("--help");
    assertEquals(0, run.status());
    assertTrue(run.out().startsWith("Usage: qualityhub"), run.out());
    assertTrue(run.out().contains("redrive") && run.out().contains("lookup"), run.out());
    assertTrue(run.out().contains("Exit status: 0 done, 1 a check failed, 2 usage or not found, 3 internal error."), run.out());
    assertEquals(0, cli("help").status());
    Run helpFor = cli("help", "audit");
    assertEquals(0, helpFor.status());
    assertTrue(helpFor.out().startsWith("Usage: qualityhub audit list"), helpFor.out());
  }

  @Test
  void versionIsTheBuildsVersion() {
    Run run = cli("--version");
    assertEquals(0, run.status());
    assertEquals("qualityhub 1.0.0-SNAPSHOT", run.out().strip());
    assertEquals("qualityhub 1.0.0-SNAPSHOT", cli("lookup", "--version").out().strip());
  }

  @Test
  void usageErrorsExitTwoOnStandardError() {
    Run unknown = cli("frobnicate");
    assertEquals(2, unknown.status());
    assertEquals("", unknown.out());
    assertTrue(unknown.err().startsWith("qualityhub: Unmatched argument at index 0: 'frobnicate'"), unknown.err());

    Run none = cli();
    assertEquals(2, none.status());
    assertEquals("", none.out());
    assertTrue(none.err().startsWith("Usage: qualityhub"), none.err());

    Run missingValue = cli("lookup", "--id-no");
    assertEquals(2, missingValue.status());
    assertEquals("", missingValue.out());
    assertTrue(missingValue.err().startsWith("qualityhub: --id-no needs a value"), missingValue.err());

    Run regionWithoutStack = cli("audit", "verify", "--region", "eu-west-1");
    assertEquals(2, regionWithoutStack.status());
    assertTrue(regionWithoutStack.err().startsWith("qualityhub: --profile and --region choose the account of a deployed stack"),
        regionWithoutStack.err());
  }

  @Test
  void commandsPointedAtAnEmptyEmulatorExitTwoSayWhatIsMissingAndCreateNothing() {
    String endpoint = empty.endpoint().toString();
    List<List<String>> commands = List.of(
        List.of("lookup", "--id-no", "A123456789"),
        List.of("erase", "--id-no", "A123456789"),
        List.of("rekey", "--from-key", "arn:aws:kms:us-east-1:123456789012:key/absent"),
        List.of("reseal"),
        List.of("sample", "verify", "--period", "2026-11"),
        List.of("report", "--period", "2026-10"),
        List.of("audit", "list"),
        List.of("audit", "verify"),
        List.of("redrive", "--queue", "IntakeDeadLetterQueue"));
    for (List<String> command : commands) {
      String[] args = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of("--endpoint", endpoint))
          .toArray(String[]::new);
      Run run = cli(args);
      assertEquals(2, run.status(), command + ": " + run.err() + run.out());
      assertEquals("", run.out(), command.toString());
      assertEquals(1, run.err().lines().count(), "one line: " + run.err());
      assertTrue(run.err().startsWith("qualityhub " + command.getFirst() + ": no QualityHub on " + endpoint + ": "), run.err());
      assertTrue(run.err().contains(" does not exist. Only './qualityhub demo' and './qualityhub emulator start' create one"),
          run.err());
    }
    AwsClients clients = AwsClients.forEndpoint(empty.endpoint(), LocalEmulator.region());
    assertEquals(List.of(), clients.dynamoDb().listTables().tableNames(), "no table was created");
    assertEquals(List.of(), clients.s3().listBuckets().buckets(), "no bucket was created");
    assertEquals(List.of(), clients.kms().listKeys().keys(), "no key was created");
    try (SqsClient sqs = clients.configure(SqsClient.builder()).build()) {
      assertEquals(List.of(), sqs.listQueues().queueUrls(), "no queue was created");
    }
  }
}
