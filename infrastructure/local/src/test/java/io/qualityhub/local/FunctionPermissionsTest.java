package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qualityhub.emulator.TemplateBootstrap.ResolvedResource;
import io.qualityhub.local.permissions.StackPermissions;
import io.qualityhub.reports.function.CustomerLookupHandler;
import io.qualityhub.reports.function.ErasureHandler;
import io.qualityhub.reports.function.ReportListHandler;
import io.qualityhub.reports.function.maintenance.RekeyHandler;
import io.qualityhub.reports.function.maintenance.ResealHandler;
import io.qualityhub.sampling.function.InspectionTasksHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every request a function's code makes in the demo (which runs every function but the portal's; those three are
 * called here), and what Lambda does with each role, is allowed by template.yaml down to the resource: the role's
 * policies with their resources and conditions, explicit Denies, the key policies and the bucket, queue, topic
 * and trust policies ({@link StackPermissions}). moto enforces none of it, so without this a wrong ARN or a missing
 * key-policy grant would first show as an AccessDenied in the deployed stack. The functions come from the
 * template: a function added there is checked here, and fails the check until a local run calls it.
 *
 * <p>The last tests are tests of the check: the template changed on purpose (a wrong ARN, a condition the code
 * does not meet, a missing key-policy grant, a Deny) must make it refuse requests the demo really made.
 */
class FunctionPermissionsTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final String ID_NUMBER = "F123456782";

  private static Map<String, Set<IamRequest>> recorded;
  private static Map<String, ResolvedResource> template;
  private static String region;
  private static String account;
  private static Map<String, Set<String>> refusedByTheTemplate;

  @BeforeAll
  static void runTheDemoAndThePortalFunctions() throws Exception {
    SharedDemo demo = SharedDemo.get();
    LocalDeployment local = demo.local();
    String said = demo.console();
    assertEquals(0, demo.status(), "a demo that failed a step made fewer requests than this checks: " + said);
    assertTrue(said.contains("Files: 57 taken, 12 refused.") && !said.contains("FAILED"),
        "every demo file was processed and no step failed: " + said);
    reUploadCorrectedClaims(local);
    callThePortalFunctions(local);
    callTheMaintenanceFunctions(local);
    assertEquals(Set.of(), local.calls().untranslated(), "requests the check could not read");
    recorded = local.calls().requests();
    template = local.bootstrap().resolvedResources();
    region = local.clients().region().id();
    account = local.bootstrap().accountId();
  }

  @Test
  void everyFunctionOfTheTemplateMadeRequests() {
    assertEquals(new StackPermissions(template, region, account).functionRoles().keySet(), recorded.keySet(),
        "a function of template.yaml that no local run here calls has its code's requests unchecked: call it in"
            + " runTheDemoAndThePortalFunctions");
  }

  @Test
  void everyRequestAFunctionMadeIsAllowedToTheResource() {
    assertEquals(Map.of(), baseline(),
        "requests the code makes that template.yaml would refuse");
  }

  @Test
  void whatLambdaDoesWithEachRoleIsAllowed() {
    StackPermissions permissions = new StackPermissions(template, region, account);
    Map<String, Set<String>> refused = new TreeMap<>();
    for (String function : permissions.functionRoles().keySet()) {
      for (IamRequest request : permissions.runtimeRequests(function)) {
        StackPermissions.Decision decision = permissions.decide(function, request);
        if (!decision.allowed()) {
          refused.computeIfAbsent(function, ignored -> new TreeSet<>()).add(request + ": " + decision.reason());
        }
      }
    }
    assertEquals(Map.of(), refused, "polling, logging or dead-lettering that a role does not allow");
  }

  @Test
  void requestsNameTheirResourceAndConditionKeys() {
    IamRequests translation = new IamRequests("eu-west-1", "111122223333", Map.of("t", "pk", "t/index/ByDue", "shard"));
    assertEquals(List.of(new IamRequest("s3:GetObjectVersion", "arn:aws:s3:::b/incoming/x.csv", Map.of())),
        translation.of("S3", "GetObject", software.amazon.awssdk.services.s3.model.GetObjectRequest.builder()
            .bucket("b").key("incoming/x.csv").versionId("v").build(), Optional.empty()));
    assertEquals(List.of(
            new IamRequest("dynamodb:PutItem", "arn:aws:dynamodb:eu-west-1:111122223333:table/t", Map.of(
                "dynamodb:LeadingKeys", List.of("REC#1"), "dynamodb:Attributes", List.of("pk", "seal", "sk"))),
            new IamRequest("dynamodb:UpdateItem", "arn:aws:dynamodb:eu-west-1:111122223333:table/t", Map.of(
                "dynamodb:LeadingKeys", List.of("ACTION#2"),
                "dynamodb:Attributes", List.of("dueAt", "pk", "sk", "sourceSk", "x")))),
        translation.of("DynamoDb", "TransactWriteItems",
            software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest.builder().transactItems(
                item -> item.put(put -> put.tableName("t").item(Map.of("pk", s("REC#1"), "sk", s("A"), "seal", s("x")))),
                item -> item.update(update -> update.tableName("t").key(Map.of("pk", s("ACTION#2"), "sk", s("S")))
                    .updateExpression("SET #due = :due REMOVE x.y").conditionExpression("sourceSk < :s")
                    .expressionAttributeNames(Map.of("#due", "dueAt")))).build(), Optional.empty()));
    assertEquals(List.of(new IamRequest("dynamodb:Query", "arn:aws:dynamodb:eu-west-1:111122223333:table/t/index/ByDue",
            Map.of("dynamodb:LeadingKeys", List.of("DUE#3"), "dynamodb:Select", List.of("ALL_PROJECTED_ATTRIBUTES")))),
        translation.of("DynamoDb", "Query", software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder()
            .tableName("t").indexName("ByDue").keyConditionExpression("#s = :s AND dueAt <= :now")
            .expressionAttributeNames(Map.of("#s", "shard")).expressionAttributeValues(Map.of(":s", s("DUE#3")))
            .select("ALL_PROJECTED_ATTRIBUTES").build(), Optional.empty()));
    assertEquals(List.of(new IamRequest("kms:GenerateDataKey", "arn:aws:kms:eu-west-1:111122223333:key/k1", Map.of(
            "kms:CallerAccount", List.of("111122223333"), "kms:EncryptionContext:purpose", List.of("qualityhub-record-data"),
            "kms:EncryptionContextKeys", List.of("purpose")))),
        translation.of("Kms", "GenerateDataKey", software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest.builder()
            .keyId("k1").encryptionContext(Map.of("purpose", "qualityhub-record-data")).build(), Optional.empty()));
    assertEquals(List.of(new IamRequest("s3:PutObject", "arn:aws:s3:::r/2026/x.pdf", Map.of(
            "s3:x-amz-server-side-encryption", List.of("aws:kms"), "s3:object-lock-mode", List.of("COMPLIANCE"))),
            IamRequest.of("s3:PutObjectRetention", "arn:aws:s3:::r/2026/x.pdf")),
        translation.of("S3", "PutObject", software.amazon.awssdk.services.s3.model.PutObjectRequest.builder().bucket("r")
            .key("2026/x.pdf").serverSideEncryption("aws:kms").objectLockMode("COMPLIANCE").build(), Optional.empty()));
    assertEquals(List.of(IamRequest.of("sqs:SendMessage", "arn:aws:sqs:eu-west-1:111122223333:q")),
        translation.of("Sqs", "SendMessageBatch", software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest.builder()
            .queueUrl("http://127.0.0.1:5000/111122223333/q").build(), Optional.empty()));
  }

  // Tests of the test: each change below must make the check refuse a request the demo really made.

  @Test
  void aWrongResourceArnInARolePolicyIsRefused() {
    Map<String, Set<String>> denied = deniedAfter("IntakeFunctionPolicy", policy -> statement(policy, "PolicyDocument",
        "ReadUploads").put("Resource", statement(policy, "PolicyDocument", "ReadUploads").path("Resource").asText()
        .replace("/incoming/*", "/incoming/TPE-01/*")));
    assertRefused(denied, "IntakeFunction", request -> request.startsWith("s3:GetObjectVersion on arn:aws:s3:::")
        && request.contains("/incoming/KHH-02/") && request.endsWith("no statement of the role's policies allows it"));
  }

  @Test
  void aKeyPolicyWithoutTheRolesGrantIsRefused() {
    Map<String, Set<String>> denied = deniedAfter("DataKey", key -> removeStatement(key, "KeyPolicy",
        "AllowIntakeToEncryptRecordFields"));
    assertRefused(denied, "IntakeFunction", request -> request.startsWith("kms:GenerateDataKey on ")
        && request.endsWith("no statement of the key policy of DataKey allows it"));
  }

  @Test
  void anEncryptionContextTheCodeDoesNotSetIsRefused() {
    Map<String, Set<String>> denied = deniedAfter("IntakeFunctionPolicy", policy -> ((ObjectNode) statement(policy,
        "PolicyDocument", "EncryptRecordFields").path("Condition").path("StringEquals"))
        .put("kms:EncryptionContext:purpose", "qualityhub-something-else"));
    assertRefused(denied, "IntakeFunction", request -> request.startsWith("kms:GenerateDataKey on ")
        && request.contains("leaves it to IAM"));
  }

  @Test
  void aKeyUsableOnlyThroughAnotherServiceIsRefused() {
    Map<String, Set<String>> denied = deniedAfter("IntakeFunctionPolicy", policy -> ((ObjectNode) statement(policy,
        "PolicyDocument", "UseInfraKeyThroughS3AndSqs").path("Condition").path("StringEquals"))
        .put("kms:ViaService", "sqs." + region + ".amazonaws.com"));
    assertRefused(denied, "IntakeFunction", request -> request.startsWith("kms:Decrypt on ")
        && request.contains("kms:viaservice=[s3.") && request.contains("leaves it to IAM"));
  }

  @Test
  void leadingKeysTheCodeDoesNotUseAreRefused() {
    Map<String, Set<String>> denied = deniedAfter("MonitorFunctionPolicy", policy -> ((ObjectNode) statement(policy,
        "PolicyDocument", "ClaimAlerts").path("Condition").path("ForAllValues:StringLike"))
        .put("dynamodb:LeadingKeys", "ALARM#*"));
    assertRefused(denied, "MonitorFunction", request -> request.startsWith("dynamodb:PutItem on ")
        && request.contains("dynamodb:leadingkeys=[ALERT#"));
  }

  @Test
  void anExplicitDenyInABucketPolicyIsRefused() {
    Map<String, Set<String>> denied = deniedAfter("IntakeBucketPolicy", policy -> {
      JsonNode readers = statement(policy, "PolicyDocument", "DenyRawUploadReadsExceptFunctions").path("Condition")
          .path("ArnNotEquals").path("aws:PrincipalArn");
      ((ArrayNode) readers).remove(0); // the intake role, first in the list
    });
    assertRefused(denied, "IntakeFunction", request -> request.startsWith("s3:GetObjectVersion on ")
        && request.endsWith("explicit Deny IntakeBucketPolicy.DenyRawUploadReadsExceptFunctions"));
  }

  @Test
  void anExplicitDenyInARolePolicyIsRefused() {
    Map<String, Set<String>> denied = deniedAfter("SealItemsPolicy", policy -> {
      ObjectNode deny = ((ArrayNode) policy.path("PolicyDocument").path("Statement")).addObject();
      deny.put("Sid", "NoSealsForAggregates").put("Effect", "Deny").put("Action", "kms:GenerateMac").put("Resource", "*");
      deny.putObject("Condition").putObject("ArnEquals").put("aws:PrincipalArn", roleOf("AggregateFunction"));
    });
    assertRefused(denied, "AggregateFunction", request -> request.startsWith("kms:GenerateMac on ")
        && request.endsWith("explicit Deny SealItemsPolicy.NoSealsForAggregates"));
    assertEquals(Set.of("AggregateFunction"), denied.keySet(), "the Deny names one role");
  }

  @Test
  void aTopicPolicyThatNamesAnotherPublisherIsRefused() {
    Map<String, Set<String>> denied = deniedAfter("FileEventsTopicPolicy", policy -> ((ObjectNode) statement(policy,
        "PolicyDocument", "DenyPublishExceptByIntake").path("Condition").path("ArnNotEquals"))
        .put("aws:PrincipalArn", roleOf("MonitorFunction")));
    assertRefused(denied, "IntakeFunction", request -> request.startsWith("sns:Publish on ")
        && request.endsWith("explicit Deny FileEventsTopicPolicy.DenyPublishExceptByIntake"));
  }

  @Test
  void aRoleThatCannotPollItsQueueIsRefused() {
    Map<String, ResolvedResource> changed = new LinkedHashMap<>(template);
    ResolvedResource original = changed.get("IntakeFunctionPolicy");
    ObjectNode properties = (ObjectNode) original.properties();
    removeStatement(properties, "PolicyDocument", "ConsumeIntakeQueue");
    changed.put("IntakeFunctionPolicy", new ResolvedResource(original.type(), original.ref(), original.arn(), properties));
    StackPermissions permissions = new StackPermissions(changed, region, account);
    List<String> refused = permissions.runtimeRequests("IntakeFunction").stream()
        .filter(request -> !permissions.decide("IntakeFunction", request).allowed()).map(IamRequest::action).toList();
    assertEquals(List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"),
        refused, "Lambda polls the intake queue with the function's role");
  }

  private static void assertRefused(Map<String, Set<String>> denied, String function, Predicate<String> expected) {
    assertTrue(denied.getOrDefault(function, Set.of()).stream().anyMatch(expected),
        "the changed template must refuse a request " + function + " made in the demo; refused: " + denied);
  }

  /** What the check refuses once one resource of the resolved template is changed, and did not refuse before. */
  private static Map<String, Set<String>> deniedAfter(String logicalId, Consumer<ObjectNode> change) {
    Map<String, ResolvedResource> changed = new LinkedHashMap<>(template);
    ResolvedResource original = changed.get(logicalId);
    ObjectNode properties = (ObjectNode) original.properties();
    change.accept(properties);
    changed.put(logicalId, new ResolvedResource(original.type(), original.ref(), original.arn(), properties));
    Map<String, Set<String>> before = baseline();
    Map<String, Set<String>> after = denied(new StackPermissions(changed, region, account));
    after.forEach((function, requests) -> requests.removeAll(before.getOrDefault(function, Set.of())));
    after.values().removeIf(Set::isEmpty);
    return after;
  }

  private static synchronized Map<String, Set<String>> baseline() {
    if (refusedByTheTemplate == null) {
      refusedByTheTemplate = denied(new StackPermissions(template, region, account));
    }
    return refusedByTheTemplate;
  }

  private static Map<String, Set<String>> denied(StackPermissions permissions) {
    return permissions.refused(recorded);
  }

  private static String roleOf(String function) {
    return new StackPermissions(template, region, account).functionRoles().get(function);
  }

  private static ObjectNode statement(ObjectNode properties, String document, String sid) {
    for (JsonNode statement : properties.path(document).path("Statement")) {
      if (statement.path("Sid").asText().equals(sid)) {
        return (ObjectNode) statement;
      }
    }
    throw new IllegalArgumentException("no statement " + sid + " in " + document);
  }

  private static void removeStatement(ObjectNode properties, String document, String sid) {
    ArrayNode statements = (ArrayNode) properties.path(document).path("Statement");
    for (int i = 0; i < statements.size(); i++) {
      if (statements.get(i).path("Sid").asText().equals(sid)) {
        statements.remove(i);
        return;
      }
    }
    throw new IllegalArgumentException("no statement " + sid + " in " + document);
  }

  private static software.amazon.awssdk.services.dynamodb.model.AttributeValue s(String text) {
    return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(text);
  }

  /** A corrected claims file, which the demo does not send: replacing a generation makes requests of its own. */
  private static void reUploadCorrectedClaims(LocalDeployment local) throws java.io.IOException {
    String day = "TPE-01/2026-11-23/claims.csv";
    List<String> lines = java.nio.file.Files.readAllLines(ROOT.resolve("events/sample-day").resolve(day));
    local.clients().s3().putObject(request -> request.bucket(local.physicalId("IntakeBucket")).key("incoming/" + day)
            .serverSideEncryption(software.amazon.awssdk.services.s3.model.ServerSideEncryption.AWS_KMS)
            .ssekmsKeyId(local.attribute("InfraKey", "Arn")),
        software.amazon.awssdk.core.sync.RequestBody.fromString(String.join("\n", lines.subList(0, 3)) + "\n"));
    List<io.qualityhub.intake.FileOutcome> outcomes = new ArrayList<>();
    new QueueDelivery(local.clients().configure(software.amazon.awssdk.services.sqs.SqsClient.builder()).build(),
        local.attribute("IntakeQueue", "QueueUrl"), local.attribute("IntakeQueue", "Arn"), local.clients().region().id(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .drain(new io.qualityhub.intake.IntakeHandler(local.settingsOf("IntakeFunction"), local.clientsFor("IntakeFunction"),
            outcomes::add), "IntakeFunction", 2);
    assertEquals(1, outcomes.size(), "the corrected file was taken");
  }

  /** The portal's functions, which the demo does not run: the report list, a period's tasks, a customer lookup. */
  /** The functions people invoke for upkeep: re-keying from a key that holds nothing, the re-seal pass, one erasure. */
  private static void callTheMaintenanceFunctions(LocalDeployment local) {
    String retiredKey = local.clients().kms().createKey(request -> request.description("QualityHub test - a retired key"))
        .keyMetadata().arn();
    Map<String, Object> rekeyed = new RekeyHandler(local.settingsOf("RekeyFunction"), local.clientsFor("RekeyFunction"))
        .handleRequest(Map.of("fromKey", retiredKey, "requestedBy", "key-operator"),
            LocalContext.forFunction("RekeyFunction", 900_000));
    assertEquals(0, rekeyed.get("rewrapped"), "nothing was under the retired key: " + rekeyed);
    Map<String, Object> resealed = new ResealHandler(local.settingsOf("ResealFunction"), local.clientsFor("ResealFunction"))
        .handleRequest(Map.of("requestedBy", "key-operator"), LocalContext.forFunction("ResealFunction", 900_000));
    assertEquals(0L, resealed.get("refused"), "the demo's items are all sealed: " + resealed);
    ErasureHandler erasure = new ErasureHandler(local.settingsOf("ErasureFunction"), local.clientsFor("ErasureFunction"),
        Clock.systemUTC());
    Map<String, Object> erased = LocalService.invoke("ErasureFunction", () -> erasure.handleRequest(new HashMap<>(Map.of(
        "idNumber", ID_NUMBER, "requestedBy", "privacy-officer", "requestedByRole", "customer-data")),
        LocalContext.forFunction("ErasureFunction", 900_000)));
    assertTrue(((Number) erased.get("itemsErased")).intValue() > 0, "the customer's records were erased: " + erased);
  }

  private static void callThePortalFunctions(LocalDeployment local) {
    Clock clock = Clock.systemUTC();
    Instant later = Instant.now().plusSeconds(3600);
    APIGatewayV2HTTPEvent list = ReportRequests.get("quality-1", "[quality]", "", "pdf", later);
    list.setPathParameters(Map.of());
    assertEquals(200, new ReportListHandler(local.settingsOf("ReportListFunction"), local.clientsFor("ReportListFunction"),
        clock).handle(list).getStatusCode(), "the report list answered");
    APIGatewayV2HTTPEvent tasks = ReportRequests.get("quality-1", "[quality]", "", "pdf", later);
    tasks.setPathParameters(Map.of("period", "2026-11"));
    assertEquals(200, new InspectionTasksHandler(local.settingsOf("InspectionTasksFunction"),
        local.clientsFor("InspectionTasksFunction"), clock).handle(tasks).getStatusCode(), "the period's tasks answered");
    APIGatewayV2HTTPEvent lookup = ReportRequests.get("quality-1", "[quality]", "", "pdf", later);
    lookup.setBody("{\"idNo\": \"" + ID_NUMBER + "\"}");
    var answer = new CustomerLookupHandler(local.settingsOf("CustomerLookupFunction"),
        local.clientsFor("CustomerLookupFunction"), clock).handle(lookup);
    assertEquals(200, answer.getStatusCode(), answer.getBody());
    assertTrue(answer.getBody().contains("\"recordId\""), "the lookup found the customer's records: " + answer.getBody());
  }
}
