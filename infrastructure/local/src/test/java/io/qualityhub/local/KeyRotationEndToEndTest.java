package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.qualityhub.core.crypto.KmsDataKeySource;
import io.qualityhub.core.store.RecordDecryptor;
import io.qualityhub.intake.FileOutcome;
import io.qualityhub.intake.IntakeHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * docs/operations/key-rotation.md, carried out on the emulator: KMS rotation of the record-data key
 * leaves every row readable, and a move to a new key re-wraps the data keys only, after which the
 * rows are read with the new key alone.
 */
class KeyRotationEndToEndTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

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
  void rotationKeepsOldRowsReadableAndAMoveToANewKeyTouchesNoRow() {
    String dataKeyArn = local.attribute("DataKey", "Arn");
    ingest("incoming/ROT-01/2026-11-20/claims.csv", "R-1", "Before Rotation");

    kms.rotateKeyOnDemand(request -> request.keyId(dataKeyArn));
    assertEquals(1, kms.listKeyRotations(request -> request.keyId(dataKeyArn)).rotations().size());
    ingest("incoming/ROT-01/2026-11-21/claims.csv", "R-2", "After Rotation");
    assertEquals(Map.of("R-1", "Before Rotation", "R-2", "After Rotation"), names(dataKeyArn),
        "rows written before and after a rotation read with the same key");

    Map<String, Map<String, AttributeValue>> rowsBefore = rows();
    String newKeyArn = kms.createKey(request -> request.description("QualityHub test - the key records move to")).keyMetadata().arn();
    String printed = cli("rekey", "--to-key", newKeyArn, "--endpoint", local.endpoint().toString());
    assertTrue(printed.startsWith("Re-wrapped 2 data keys from " + dataKeyArn + " to " + newKeyArn + ".\n"), printed);

    assertEquals(rowsBefore, rows(), "no row item was rewritten");
    assertEquals(Map.of("R-1", "Before Rotation", "R-2", "After Rotation"), names(newKeyArn), "read with the new key alone");
    assertThrows(KmsException.class, () -> names(dataKeyArn), "the old key no longer opens the data keys");
    String lookup = cli("lookup", "--id-no", "K200000001", "--data-key", newKeyArn, "--endpoint", local.endpoint().toString());
    assertTrue(lookup.startsWith("2 records for the ID number given"), lookup);
    ByteArrayOutputStream refused = new ByteArrayOutputStream();
    assertEquals(3, QualityHubCli.run(new String[] {"lookup", "--id-no", "K200000001", "--endpoint", local.endpoint().toString()},
        new PrintStream(refused, true, StandardCharsets.UTF_8), new PrintStream(refused, true, StandardCharsets.UTF_8)));
    assertTrue(refused.toString(StandardCharsets.UTF_8).contains("KMS refused to unwrap a data key with " + dataKeyArn
        + " (AccessDeniedException). If record data was moved with 'qualityhub rekey', pass --data-key NEW_ARN."), refused.toString());
    String again = cli("rekey", "--to-key", newKeyArn, "--endpoint", local.endpoint().toString());
    assertTrue(again.startsWith("Re-wrapped 0 data keys from " + dataKeyArn + " to " + newKeyArn + " (2 already were under it).\n"),
        again);
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

  private static void ingest(String key, String claimId, String customerName) {
    String bucket = local.physicalId("IntakeBucket");
    String csv = "claim_id,policy_id,product_code,product_line,complexity,green_channel,status,reported_at,amount_claimed,currency,"
        + "handler_id,updated_at,customer_name,customer_id_no\n" + claimId + ",P-1,HLT-01,health,simple,N,reported,"
        + "2026-11-20T09:00:00+08:00,100,TWD,H-7,2026-11-20T10:00:00+08:00," + customerName + ",K200000001\n";
    local.clients().s3().putObject(request -> request.bucket(bucket).key(key)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")),
        RequestBody.fromString(csv, StandardCharsets.UTF_8));
    SQSEvent event = S3NotificationEvents.objectCreatedEvent(bucket, key);
    List<FileOutcome> outcomes = new ArrayList<>();
    new IntakeHandler(local.settingsOf("IntakeFunction"), local.clients(), outcomes::add)
        .handleRequest(event, LocalContext.forFunction("IntakeFunction", 900_000));
    assertEquals(1, outcomes.size());
    assertEquals(1, outcomes.get(0).accepted());
  }
}
