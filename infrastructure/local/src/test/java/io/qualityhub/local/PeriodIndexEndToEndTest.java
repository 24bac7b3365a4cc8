package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qualityhub.core.store.PeriodIndex;
import io.qualityhub.intake.IntakeHandler;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.SamplingUnit;
import io.qualityhub.sampling.function.PopulationReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The period index follows what intake stores: a sales file's rows enter it at their sale's date, a corrected upload
 * of the file moves a sale whose date changed and drops one it no longer carries (the replaced generation's rows are
 * withdrawn and take their entries along), and a claim's state enters undated while open and moves to the day it was
 * closed. Branch PIX-01 and June 2026 keep this test's data apart from the other end-to-end tests'.
 */
class PeriodIndexEndToEndTest {

  private static final String BRANCH = "PIX-01";
  private static final String SALES_KEY = "incoming/PIX-01/2026-06-10/sales.csv";
  private static final PrintStream functionLog = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

  @RegisterExtension
  static final TestDeployment deployment = TestDeployment.perClass();
  private final LocalDeployment local = deployment.local();
  private final String table = local.physicalId("RecordsTable");

  @Test
  void aCorrectedUploadMovesItsRecordsAndTheReplacedGenerationLeavesTheIndex() {
    upload(SALES_KEY, sales("S-1,2026-06-03", "S-2,2026-06-05", "S-3,2026-06-09"));
    upload("incoming/PIX-01/2026-06-10/claims.csv", claims("reported,,2026-06-10T09:00:00+08:00"));
    ingest();
    String first = currentGeneration("PIX-01#sales#2026-06-10");

    assertEquals(Map.of(
        "REC#claims#PIX-01#CLM-PIX-1 STATE", "undated",
        "REC#sales#PIX-01#S-1 2026-06-10#" + first, "2026-06-03",
        "REC#sales#PIX-01#S-2 2026-06-10#" + first, "2026-06-05",
        "REC#sales#PIX-01#S-3 2026-06-10#" + first, "2026-06-09"), entries());

    upload(SALES_KEY, sales("S-1,2026-06-03", "S-2,2026-07-01"));
    upload("incoming/PIX-01/2026-06-12/claims.csv", claims("closed,2026-06-12T15:00:00+08:00,2026-06-12T15:00:00+08:00"));
    ingest();
    String corrected = currentGeneration("PIX-01#sales#2026-06-10");

    assertEquals(Map.of(
        "REC#claims#PIX-01#CLM-PIX-1 STATE", "2026-06-12",
        "REC#sales#PIX-01#S-1 2026-06-10#" + corrected, "2026-06-03",
        "REC#sales#PIX-01#S-2 2026-06-10#" + corrected, "2026-07-01"), entries());

    PopulationReader reader = new PopulationReader(local.clients().dynamoDb(), table, 1_000);
    assertEquals(List.of("S-1"), reader.readBranch(Period.parse("2026-06"), "sales", BRANCH, true).units().stream()
        .map(SamplingUnit::recordId).toList());
    assertEquals(List.of("S-2"), reader.readBranch(Period.parse("2026-07"), "sales", BRANCH, true).units().stream()
        .map(SamplingUnit::recordId).toList());
    assertEquals(List.of("CLM-PIX-1"), reader.readBranch(Period.parse("2026-06"), "claims", BRANCH, true).units()
        .stream().map(SamplingUnit::recordId).toList());
  }

  /** The branch's index entries, every shard of sales and claims: item key and sort key to membership date. */
  private Map<String, String> entries() {
    Map<String, String> entries = new TreeMap<>();
    for (String type : List.of("sales", "claims")) {
      for (int shard = 0; shard < PeriodIndex.SHARDS; shard++) {
        String key = PeriodIndex.key(type, shard);
        QueryResponse page = local.clients().dynamoDb().query(request -> request.tableName(table)
            .indexName(PeriodIndex.NAME).keyConditionExpression("periodKey = :k")
            .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(key))));
        page.items().stream().filter(item -> item.get("branchCode").s().equals(BRANCH))
            .forEach(item -> entries.put(item.get("pk").s() + " " + item.get("sk").s(), item.get("periodOn").s()));
      }
    }
    return entries;
  }

  private String currentGeneration(String fileId) {
    return local.clients().dynamoDb().getItem(request -> request.tableName(table).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS("FILE#" + fileId), "sk", AttributeValue.fromS("CURRENT"))))
        .item().get("generation").s();
  }

  /** @param sales {@code record_id,sold_on} each */
  private static byte[] sales(String... sales) {
    StringBuilder csv = new StringBuilder("branch,record_id,policy_id,sold_at,salesperson_id,salesperson_hired_on,"
        + "product_code,product_line,channel,premium,currency,customer_name,customer_id_no,customer_phone,terms_given,"
        + "risk_notice_given,customer_signed,recording_id\n");
    for (String sale : sales) {
      String[] parts = sale.split(",");
      csv.append(BRANCH).append(',').append(parts[0]).append(",P-").append(parts[0]).append(',').append(parts[1])
          .append("T10:00:00+08:00,AG-1,2019-03-01,LF-WL20,life,agent,1000.00,TWD,王小明,A223456781,0912-345-678,Y,Y,Y,REC-1\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** @param state {@code status,closed_at,updated_at} of claim CLM-PIX-1 */
  private static byte[] claims(String state) {
    String[] parts = state.split(",", -1);
    boolean closed = parts[0].equals("closed");
    String csv = "claim_id,policy_id,product_code,product_line,complexity,green_channel,status,reported_at,"
        + "documents_complete_at,decided_at,paid_at,closed_at,amount_claimed,amount_paid,currency,handler_id,updated_at,"
        + "customer_name,customer_id_no,customer_phone,diagnosis\n"
        + "CLM-PIX-1,P-PIX-1,PR-HOME3,property,simple,N," + parts[0] + ",2026-06-01T09:00:00+08:00,"
        + (closed ? "2026-06-03T15:00:00+08:00,2026-06-05T11:00:00+08:00,2026-06-08T10:00:00+08:00," : ",,,")
        + parts[1] + ",64500.50," + (closed ? "58000" : "") + ",TWD,CH-130," + parts[2] + ",王小明,A223456781,0912-345-678,\n";
    return csv.getBytes(StandardCharsets.UTF_8);
  }

  private void upload(String key, byte[] content) {
    local.clients().s3().putObject(request -> request.bucket(local.physicalId("IntakeBucket")).key(key)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")),
        RequestBody.fromBytes(content));
  }

  private void ingest() {
    SqsClient sqs = local.clients().configure(SqsClient.builder()).build();
    List<String> failed = new QueueDelivery(sqs, local.attribute("IntakeQueue", "QueueUrl"),
        local.attribute("IntakeQueue", "Arn"), local.clients().region().id(), functionLog)
        .drain(new IntakeHandler(local.settingsOf("IntakeFunction"), local.clients(), outcome -> { }), "IntakeFunction", 2);
    assertEquals(List.of(), failed);
  }
}
