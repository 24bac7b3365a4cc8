package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.qualityhub.emulator.CloudFormationYaml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every AWS action a function's code takes in the demo, which exercises every function, is allowed by that
 * function's IAM policies in template.yaml. moto enforces no IAM, so without this a missing permission would
 * first show as an AccessDenied in the deployed stack. Actions are compared, not resources: the policies' resource
 * and condition scoping is reviewed with the template (and checked by the template guard), not here.
 */
class FunctionPermissionsTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final Set<String> DEMO_FUNCTIONS = Set.of("IntakeFunction", "SamplingFunction", "FindingsFunction",
      "MonitorFunction", "AggregateFunction", "ReportFunction", "ReportAccessFunction", "AuditDigestFunction");

  @Test
  void everyActionAFunctionTakesInTheDemoIsAllowedByItsPolicies(@TempDir Path out) throws Exception {
    Map<String, Set<String>> taken;
    try (LocalDeployment local = LocalDeployment.open(ROOT, Optional.empty())) {
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);
      int status = new DemoCommand(ROOT, console).run(Options.parse(List.of("--out", out.toString()),
          Set.of("--data", "--as-of", "--out", "--endpoint"), Set.of(), DemoCommand.USAGE), local);
      assertEquals(0, status, "a demo that failed a step took fewer actions than it checks: " + printed);
      reUploadCorrectedClaims(local);
      taken = local.calls().actions();
    }
    assertEquals(DEMO_FUNCTIONS, taken.keySet(), "the demo runs every function");
    Map<String, List<Pattern>> allowed = allowedActions(CloudFormationYaml.read(ROOT.resolve("template.yaml")));

    Map<String, Set<String>> denied = new TreeMap<>();
    taken.forEach((function, actions) -> actions.stream()
        .filter(action -> allowed.getOrDefault(function, List.of()).stream().noneMatch(p -> p.matcher(action).matches()))
        .forEach(action -> denied.computeIfAbsent(function, ignored -> new TreeSet<>()).add(action)));
    assertEquals(Map.of(), denied, "actions the code takes that the function's role does not allow; taken: " + taken);
  }

  @Test
  void requestsNameTheActionsIamChecks() {
    assertEquals(Set.of("s3:GetObjectVersion"), FunctionCalls.iamActions("S3", "GetObject",
        software.amazon.awssdk.services.s3.model.GetObjectRequest.builder().bucket("b").key("k").versionId("v").build()));
    assertEquals(Set.of("sqs:SendMessage"), FunctionCalls.iamActions("Sqs", "SendMessageBatch", null));
    assertEquals(Set.of("ses:SendEmail"), FunctionCalls.iamActions("SesV2", "SendEmail", null));
    assertEquals(Set.of("dynamodb:PutItem", "dynamodb:ConditionCheckItem"), FunctionCalls.iamActions("DynamoDb",
        "TransactWriteItems", software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest.builder()
            .transactItems(item -> item.put(put -> put.tableName("t")), item -> item.conditionCheck(check -> check.tableName("t")))
            .build()));
  }

  /** A corrected claims file, which the demo does not send: replacing a generation takes actions of its own. */
  private static void reUploadCorrectedClaims(LocalDeployment local) throws java.io.IOException {
    String day = "TPE-01/2026-11-23/claims.csv";
    List<String> lines = java.nio.file.Files.readAllLines(ROOT.resolve("events/sample-day").resolve(day));
    local.clients().s3().putObject(request -> request.bucket(local.physicalId("IntakeBucket")).key("incoming/" + day)
            .serverSideEncryption(software.amazon.awssdk.services.s3.model.ServerSideEncryption.AWS_KMS)
            .ssekmsKeyId(local.attribute("InfraKey", "Arn")),
        software.amazon.awssdk.core.sync.RequestBody.fromString(String.join("\n", lines.subList(0, 3)) + "\n"));
    List<io.qualityhub.intake.FileOutcome> outcomes = new java.util.ArrayList<>();
    new QueueDelivery(local.clients().configure(software.amazon.awssdk.services.sqs.SqsClient.builder()).build(),
        local.attribute("IntakeQueue", "QueueUrl"), local.attribute("IntakeQueue", "Arn"), local.clients().region().id(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .drain(new io.qualityhub.intake.IntakeHandler(local.settingsOf("IntakeFunction"), local.clientsFor("IntakeFunction"),
            outcomes::add), "IntakeFunction", 2);
    assertEquals(1, outcomes.size(), "the corrected file was taken");
  }

  /** Per function, the actions its role's policies allow (as patterns: IAM's {@code *} matches any run). */
  private static Map<String, List<Pattern>> allowedActions(JsonNode template) {
    JsonNode resources = template.get("Resources");
    Map<String, String> functionByRole = new HashMap<>();
    resources.fields().forEachRemaining(entry -> {
      JsonNode role = entry.getValue().path("Properties").path("Role").path("Fn::GetAtt");
      if (entry.getValue().path("Type").asText().equals("AWS::Serverless::Function") && role.isArray()) {
        functionByRole.put(role.get(0).asText(), entry.getKey());
      }
    });
    Map<String, List<Pattern>> allowed = new HashMap<>();
    resources.fields().forEachRemaining(entry -> {
      JsonNode policy = entry.getValue();
      if (!policy.path("Type").asText().equals("AWS::IAM::Policy")) {
        return;
      }
      for (JsonNode role : policy.path("Properties").path("Roles")) {
        String function = functionByRole.get(role.path("Ref").asText());
        if (function != null) {
          for (JsonNode statement : policy.path("Properties").path("PolicyDocument").path("Statement")) {
            if (statement.path("Effect").asText().equals("Allow")) {
              JsonNode actions = statement.path("Action");
              for (JsonNode action : actions.isArray() ? actions : List.of(actions)) {
                allowed.computeIfAbsent(function, ignored -> new java.util.ArrayList<>())
                    .add(Pattern.compile(Pattern.quote(action.asText()).replace("*", "\\E.*\\Q")));
              }
            }
          }
        }
      }
    });
    return allowed;
  }
}
