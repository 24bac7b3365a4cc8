package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.emulator.LocalEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * {@code --stack NAME}: names and ARNs come from the stack as CloudFormation holds it. The stack is created
 * through the emulator's CloudFormation, as {@code sam deploy} creates one on AWS.
 */
class StackOptionTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final String STACK = "qualityhub-clitest";

  private static LocalEmulator emulator;
  private static AwsClients clients;

  @BeforeAll
  static void deployAStack() throws IOException {
    System.setProperty("qualityhub.root", ROOT.toString());
    emulator = LocalEmulator.startOrConnect(ROOT);
    clients = AwsClients.forEndpoint(emulator.endpoint(), LocalEmulator.region());
    try (CloudFormationClient cloudFormation = clients.configure(CloudFormationClient.builder()).build()) {
      String body = Files.readString(Path.of("src/test/resources/cli-stack-template.yaml"));
      cloudFormation.createStack(request -> request.stackName(STACK).templateBody(body));
      cloudFormation.waiter().waitUntilStackCreateComplete(request -> request.stackName(STACK));
    }
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static CloudFormationStack describe(String stack) {
    return CloudFormationStack.describe(clients.configure(CloudFormationClient.builder()).build(),
        clients.configure(LambdaClient.builder()).build(), stack);
  }

  @Test
  void namesAndArnsComeFromTheStacksResources() {
    CloudFormationStack stack = describe(STACK);
    String table = stack.physicalId("ReportsTable");
    assertEquals(table, stack.output("ReportsTableName"));
    assertEquals(StackStatus.CREATE_COMPLETE.toString(), clients.configure(CloudFormationClient.builder()).build()
        .describeStacks(request -> request.stackName(STACK)).stacks().getFirst().stackStatusAsString());
    assertTrue(clients.dynamoDb().listTables().tableNames().contains(table), table);

    String keyId = stack.physicalId("DataKey");
    // The emulator's own list of keys gives each key's ARN as KMS builds it.
    assertEquals(clients.kms().listKeys().keys().stream().filter(key -> key.keyId().equals(keyId)).findFirst().orElseThrow().keyArn(),
        stack.attribute("DataKey", "Arn"));

    String queueUrl = stack.attribute("IntakeQueue", "QueueUrl");
    try (var sqs = clients.configure(software.amazon.awssdk.services.sqs.SqsClient.builder()).build()) {
      assertEquals(sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
              .attributeNames(software.amazon.awssdk.services.sqs.model.QueueAttributeName.QUEUE_ARN)).attributes()
              .get(software.amazon.awssdk.services.sqs.model.QueueAttributeName.QUEUE_ARN),
          stack.attribute("IntakeQueue", "Arn"));
    }
  }

  @Test
  void aResourceTheStackLacksIsNamedAsMissing() {
    NotDeployedException missing = assertThrows(NotDeployedException.class, () -> describe(STACK).physicalId("RecordsTable"));
    assertEquals("stack " + STACK + " has no RecordsTable: it was deployed from another template.yaml; deploy the current one"
        + " (docs/operations/deploy.md)", missing.getMessage());
  }

  @Test
  void aCommandWithStackActsOnThatStacksTable() {
    CommandLineTest.Run verify = CommandLineTest.cli("audit", "verify", "--stack", STACK, "--endpoint", emulator.endpoint().toString());
    assertEquals(0, verify.status(), verify.err());
    assertEquals("Audit trail verified: 0 records, every hash and link holds, and they match 0 daily digests.",
        verify.out().strip());

    CommandLineTest.Run lookup = CommandLineTest.cli("lookup", "--id-no", "A123456789", "--stack", STACK, "--endpoint",
        emulator.endpoint().toString());
    assertEquals(2, lookup.status(), lookup.err());
    assertEquals("qualityhub lookup: stack " + STACK + " has no RecordsTable: it was deployed from another template.yaml;"
        + " deploy the current one (docs/operations/deploy.md)", lookup.err().strip());
  }

  /** On a deployed stack, rekey and reseal invoke the stack's function (the emulator runs no Lambda): found by name. */
  @Test
  void rekeyAndResealWithStackLookForTheStacksFunctionAndNameItWhenMissing() {
    Map<String, List<String>> commands = Map.of(
        "RekeyFunction", List.of("rekey", "--from-key", "arn:aws:kms:us-east-1:123456789012:key/retired"),
        "ResealFunction", List.of("reseal"));
    commands.forEach((function, command) -> {
      List<String> args = new java.util.ArrayList<>(command);
      args.addAll(List.of("--stack", STACK, "--endpoint", emulator.endpoint().toString()));
      CommandLineTest.Run run = CommandLineTest.cli(args.toArray(String[]::new));
      assertEquals(2, run.status(), run.err());
      assertEquals("qualityhub " + command.getFirst() + ": stack " + STACK + " has no " + function + ": it was deployed from"
          + " another template.yaml; deploy the current one (docs/operations/deploy.md)", run.err().strip());
    });
  }

  @Test
  void anAbsentStackExitsTwoWithOneLine() {
    CommandLineTest.Run run = CommandLineTest.cli("audit", "list", "--stack", "qualityhub-nowhere", "--endpoint",
        emulator.endpoint().toString());
    assertEquals(2, run.status());
    assertEquals("", run.out());
    assertEquals("qualityhub audit: stack qualityhub-nowhere does not exist in this account and region (check --stack,"
        + " --profile and --region; deploy it with sam deploy, see docs/operations/deploy.md)", run.err().strip());
  }

  @Test
  void profileAndRegionAreTakenAsTheAwsCliTakesThem() throws IOException {
    Path config = Files.createTempFile("aws-config", "");
    Files.writeString(config, "[profile auditing]\nregion = eu-central-1\n");
    String previous = System.getProperty("aws.configFile");
    System.setProperty("aws.configFile", config.toString());
    try {
      assertEquals("eu-central-1", AwsClients.forAccount(Optional.of("auditing"), Optional.empty(), Optional.empty()).region().id(),
          "the profile's region");
      assertEquals("ap-northeast-1", AwsClients.forAccount(Optional.of("auditing"),
          Optional.of(software.amazon.awssdk.regions.Region.AP_NORTHEAST_1), Optional.empty()).region().id(), "--region wins");
    } finally {
      if (previous == null) {
        System.clearProperty("aws.configFile");
      } else {
        System.setProperty("aws.configFile", previous);
      }
    }
  }
}
