package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.crypto.KeyRefusedException;
import io.qualityhub.core.crypto.KmsDataKeySource;
import io.qualityhub.core.store.RecordDecryptor;
import io.qualityhub.intake.FileOutcome;
import io.qualityhub.intake.FileStatus;
import io.qualityhub.intake.IntakeHandler;
import io.qualityhub.local.permissions.StackPermissions;
import io.qualityhub.reports.audit.AccessRecord;
import io.qualityhub.reports.function.AuditTrail;
import io.qualityhub.reports.function.maintenance.RekeyHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * docs/operations/key-rotation.md, carried out on the emulator: KMS rotation of the record-data key
 * leaves every row readable, and a move off a retired key (run as the rekey function) re-wraps the data keys only,
 * after which every row is read, and found by lookup, with the stack's key alone.
 */
class KeyRotationEndToEndTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

  private static final String OPERATOR = "arn:aws:sts::123456789012:assumed-role/qualityhub-key-operator/lin";

  private static LocalDeployment local;
  private static String table;
  private static KmsClient kms;

  @BeforeAll
  static void deploy() {
    System.setProperty("qualityhub.root", ROOT.toString()); // where the command line finds template.yaml
    local = LocalDeployment.open(ROOT, Optional.empty());
    table = local.physicalId("RecordsTable");
    kms = local.clients().kms();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void rotationKeepsOldRowsReadableAndAMoveOffARetiredKeyTouchesNoRowAndKeepsEveryRowFound() {
    String dataKeyArn = local.attribute("DataKey", "Arn");
    ingest("incoming/ROT-01/2026-11-20/claims.csv", "R-1", "Before Rotation", dataKeyArn);

    kms.rotateKeyOnDemand(request -> request.keyId(dataKeyArn));
    assertEquals(1, kms.listKeyRotations(request -> request.keyId(dataKeyArn)).rotations().size());
    ingest("incoming/ROT-01/2026-11-21/claims.csv", "R-2", "After Rotation", dataKeyArn);
    assertEquals(Map.of("R-1", "Before Rotation", "R-2", "After Rotation"), names(dataKeyArn),
        "rows written before and after a rotation read with the same key");

    // Files stored while the stack's record-data key was another one, retired since (a move replaces DataKey).
    String retiredKeyArn = kms.createKey(request -> request.description("QualityHub test - the retired record-data key"))
        .keyMetadata().arn();
    ingest("incoming/ROT-01/2026-11-22/claims.csv", "R-3", "Under Retired Key", retiredKeyArn);
    ingest("incoming/ROT-02/2026-11-22/claims.csv", "R-4", "Also Retired", retiredKeyArn);
    Map<String, Map<String, AttributeValue>> rowsBefore = rows();
    assertThrows(KeyRefusedException.class, () -> names(dataKeyArn), "before the move, DataKey cannot open the retired key's files");

    // As the rekey function runs it on AWS; the command line runs the same handler on the emulator (the re-run below).
    Map<String, Object> moved = new RekeyHandler(local.settingsOf("RekeyFunction"), local.clientsFor("RekeyFunction"))
        .handleRequest(Map.of("fromKey", retiredKeyArn, "requestedBy", OPERATOR), LocalContext.forFunction("RekeyFunction", 900_000));
    assertEquals(Map.of("fromKey", retiredKeyArn, "toKey", dataKeyArn, "rewrapped", 2, "alreadyThere", 2), moved);
    assertEquals(Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Scan", "dynamodb:UpdateItem", "kms:ReEncryptFrom",
        "kms:ReEncryptTo"), StackPermissions.actionsOf(local.calls().requests().get("RekeyFunction")),
        "the audit append, the key items, and the re-wrap itself");
    // The retired key is outside the template: its own policy must name RekeyFunctionRole (key-rotation.md, step 1).
    Set<IamRequest> onTheStacksResources = local.calls().requests().get("RekeyFunction").stream()
        .filter(request -> !request.resource().equals(retiredKeyArn)).collect(Collectors.toSet());
    assertEquals(Set.of("kms:ReEncryptFrom"), local.calls().requests().get("RekeyFunction").stream()
        .filter(request -> request.resource().equals(retiredKeyArn)).map(IamRequest::action).collect(Collectors.toSet()));
    assertEquals(Map.of(), StackPermissions.of(local).refused(Map.of("RekeyFunction", onTheStacksResources)),
        "every request the rekey function made of the stack's resources, its role and the keys' policies allow");

    assertEquals(rowsBefore, rows(), "no row item was rewritten");
    assertEquals(Map.of("R-1", "Before Rotation", "R-2", "After Rotation", "R-3", "Under Retired Key", "R-4", "Also Retired"),
        names(dataKeyArn), "every row reads with the stack's key alone");
    String lookup = cli("lookup", "--id-no", "K200000001", "--endpoint", local.endpoint().toString());
    assertTrue(lookup.startsWith("4 records for the ID number given"), lookup);
    assertTrue(lookup.contains("Under Retired Key") && lookup.contains("Also Retired"), lookup);

    String again = cli("rekey", "--from-key", retiredKeyArn, "--endpoint", local.endpoint().toString());
    assertTrue(again.startsWith("Re-wrapped 0 data keys from " + retiredKeyArn + " to " + dataKeyArn
        + " (4 already were under it).\n"), again);

    List<AccessRecord> rekeys = new AuditTrail(local.clients().dynamoDb(), local.physicalId("ReportsTable")).records().stream()
        .filter(record -> AccessRecord.REKEY.equals(record.action())).toList();
    String subject = "record data keys from " + retiredKeyArn + " to " + dataKeyArn;
    assertEquals(List.of(subject + ": started", subject + ": done", subject + ": started", subject + ": done"),
        rekeys.stream().map(AccessRecord::reportKey).toList(), "each run on the trail when it starts and when it is done");
    assertEquals(List.of(0L, 2L, 0L, 0L), rekeys.stream().map(AccessRecord::records).toList());
    assertTrue(rekeys.stream().allMatch(record -> record.role().equals("rekey-function")), rekeys.toString());
    assertEquals(OPERATOR, rekeys.getFirst().who(), "who asked, as stated");

    ByteArrayOutputStream refused = new ByteArrayOutputStream();
    PrintStream to = new PrintStream(refused, true, StandardCharsets.UTF_8);
    assertEquals(2, QualityHubCli.run(new String[] {"rekey", "--from-key", "alias/not-an-arn", "--endpoint",
        local.endpoint().toString()}, to, to));
    assertTrue(refused.toString(StandardCharsets.UTF_8).contains("fromKey must be the ARN of the KMS key"), refused.toString());
    assertEquals(4, new AuditTrail(local.clients().dynamoDb(), local.physicalId("ReportsTable")).records().stream()
        .filter(record -> AccessRecord.REKEY.equals(record.action())).count(), "a refused request runs nothing and puts nothing on the trail");
  }

  @Test
  void aRecordDataKeyKmsRefusesFailsTheMessageAndGivesNoFileUpUntilTheKeyIsFixed() {
    String bucket = local.physicalId("IntakeBucket");
    String key = "incoming/KRF-01/2026-11-20/claims.csv";
    String csv = "claim_id,policy_id,product_code,product_line,complexity,green_channel,status,reported_at,amount_claimed,currency,"
        + "handler_id,updated_at,customer_name,customer_id_no\nF-1,P-1,HLT-01,health,simple,N,reported,"
        + "2026-11-20T09:00:00+08:00,100,TWD,H-7,2026-11-20T10:00:00+08:00,Refused Key,K200000002\n";
    local.clients().s3().putObject(request -> request.bucket(bucket).key(key)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")),
        RequestBody.fromString(csv, StandardCharsets.UTF_8));
    SQSEvent event = S3NotificationEvents.objectCreatedEvent(bucket, key);
    String dataKeyArn = local.attribute("DataKey", "Arn");
    Map<String, String> misconfigured = local.functionEnvironment("IntakeFunction");
    misconfigured.put("DATA_KEY_ARN", dataKeyArn.substring(0, dataKeyArn.lastIndexOf('/') + 1)
        + "00000000-0000-4000-8000-000000000000");
    List<FileOutcome> outcomes = new ArrayList<>();
    IntakeHandler refused = new IntakeHandler(new Settings(misconfigured), local.clients(), outcomes::add);

    for (int delivery = 1; delivery <= 4; delivery++) { // one more than intake's attempts at a file
      assertEquals(1, refused.handleRequest(event, LocalContext.forFunction("IntakeFunction", 900_000))
          .getBatchItemFailures().size(), "delivery " + delivery + " fails, for SQS to deliver it again");
    }
    assertEquals(List.of(), outcomes, "the file is neither stored, refused nor given up on: the key is at fault");
    String rejectsKey = "rejects/KRF-01/2026-11-20/claims.csv";
    assertThrows(S3Exception.class, () -> local.clients().s3().headObject(request -> request.bucket(bucket).key(rejectsKey)),
        "the branch is not told its file is unprocessable");

    new IntakeHandler(new Settings(local.functionEnvironment("IntakeFunction")), local.clients(), outcomes::add)
        .handleRequest(event, LocalContext.forFunction("IntakeFunction", 900_000));
    assertEquals(List.of(FileStatus.PROCESSED), outcomes.stream().map(FileOutcome::status).toList(),
        "once the key is fixed, the next delivery stores the file");
    assertEquals(1, outcomes.getFirst().accepted());
  }

  // ---------------------------------------------------------------------------------------------

  private static Map<String, String> names(String keyArn) {
    RecordDecryptor decryptor = new RecordDecryptor(local.clients().dynamoDb(), table, new KmsDataKeySource(kms, keyArn),
        failure -> { throw new AssertionError(failure); });
    Map<String, String> names = new TreeMap<>();
    rows().values().forEach(item -> names.put(item.get("claim_id").s(), decryptor.sensitiveValues(item).get("customer_name")));
    return names;
  }

  private static Map<String, Map<String, AttributeValue>> rows() {
    Map<String, Map<String, AttributeValue>> rows = new TreeMap<>();
    local.clients().dynamoDb().scanPaginator(request -> request.tableName(table).consistentRead(true)
            .filterExpression("begins_with(pk, :rec) AND sk <> :state")
            .expressionAttributeValues(Map.of(":rec", AttributeValue.fromS("REC#"), ":state", AttributeValue.fromS("STATE"))))
        .items().forEach(item -> rows.put(item.get("pk").s() + "|" + item.get("sk").s(), item));
    return rows;
  }

  private static String cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = QualityHubCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, printed);
    return printed;
  }

  /** @param dataKeyArn the record-data key intake wraps the file's data key under */
  private static void ingest(String key, String claimId, String customerName, String dataKeyArn) {
    String bucket = local.physicalId("IntakeBucket");
    String csv = "claim_id,policy_id,product_code,product_line,complexity,green_channel,status,reported_at,amount_claimed,currency,"
        + "handler_id,updated_at,customer_name,customer_id_no\n" + claimId + ",P-1,HLT-01,health,simple,N,reported,"
        + "2026-11-20T09:00:00+08:00,100,TWD,H-7,2026-11-20T10:00:00+08:00," + customerName + ",K200000001\n";
    local.clients().s3().putObject(request -> request.bucket(bucket).key(key)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")),
        RequestBody.fromString(csv, StandardCharsets.UTF_8));
    SQSEvent event = S3NotificationEvents.objectCreatedEvent(bucket, key);
    List<FileOutcome> outcomes = new ArrayList<>();
    Map<String, String> environment = local.functionEnvironment("IntakeFunction");
    environment.put("DATA_KEY_ARN", dataKeyArn);
    new IntakeHandler(new Settings(environment), local.clients(), outcomes::add)
        .handleRequest(event, LocalContext.forFunction("IntakeFunction", 900_000));
    assertEquals(1, outcomes.size());
    assertEquals(1, outcomes.get(0).accepted());
  }
}
