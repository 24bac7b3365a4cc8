package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.core.crypto.BlindIndex;
import io.qualityhub.core.store.BlindIndexedColumn;
import io.qualityhub.core.store.CustomerErasure;
import io.qualityhub.core.store.CustomerLookup;
import io.qualityhub.core.store.CustomerRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The demo's sample day plus one more branch that writes the same customer differently (full-width
 * digits, lower case, other separators), then lookups and an erasure through the core API and the
 * command line.
 */
class CustomerLookupEndToEndTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  /** 林志明 of the sample day: a sale, an underwriting file and a claim at TPE-01, a complaint by phone. */
  private static final String ID_NUMBER = "F123456782";

  @TempDir
  static Path work;
  private static LocalDeployment local;
  private static String table;

  @BeforeAll
  static void runTheDemoOnTheSampleDayAndOneMoreBranch() throws Exception {
    Path data = work.resolve("data");
    copyTree(ROOT.resolve("events/sample-day"), data);
    Files.createDirectories(data.resolve("TNN-04/2026-11-23"));
    Files.writeString(data.resolve("TNN-04/2026-11-23/sales.csv"), String.join("\n",
        "record_id,policy_id,sold_at,salesperson_id,salesperson_hired_on,product_code,product_line,channel,premium,currency,"
            + "customer_name,customer_id_no,customer_phone,terms_given,risk_notice_given,customer_signed",
        "S-TNN-0001,P-TNN-1,2026-11-23T10:00:00+08:00,AG-2001,2024-01-01,AU-CAR1,auto,agent,1800,TWD,林志明,Ｆ１２３４５６７８２,(0933) 221 908,Y,Y,Y",
        "S-TNN-0002,P-TNN-2,2026-11-23T11:00:00+08:00,AG-2001,2024-01-01,AU-CAR1,auto,agent,900,TWD,林志明,f123-456-782,,Y,Y,Y",
        "S-TNN-0003,P-TNN-3,2026-11-23T12:00:00+08:00,AG-2001,2024-01-01,AU-CAR1,auto,agent,900,TWD,林志民,F123456783,0933-221-909,Y,Y,Y",
        ""), StandardCharsets.UTF_8);
    Files.writeString(data.resolve("TNN-04/2026-11-23/complaints.csv"), String.join("\n",
        "complaint_id,received_at,channel,category,severity,status,updated_at,customer_name,customer_phone,description",
        "K-TNN-0001,2026-11-22T09:00:00+08:00,phone,service,general,open,2026-11-22T09:00:00+08:00,林志明,０９３３２２１９０８,等候太久",
        ""), StandardCharsets.UTF_8);

    System.setProperty("qualityhub.root", ROOT.toString()); // where the command line finds template.yaml
    local = LocalDeployment.open(ROOT, Optional.empty());
    table = local.physicalId("RecordsTable");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    int status = new DemoCommand(ROOT, new PrintStream(console, true, StandardCharsets.UTF_8)).run(Options.parse(
        List.of("--data", data.toString(), "--out", work.resolve("out").toString(), "--endpoint", local.endpoint().toString()),
        Set.of("--data", "--as-of", "--out", "--endpoint"), Set.of(), DemoCommand.USAGE));
    assertEquals(0, status, console.toString(StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void anIdNumberFindsExactlyThatCustomersRecordsInEveryBranchHoweverItWasWritten() {
    assertEquals(List.of(
            "sales TNN-04 S-TNN-0001 2026-11-23 sold 林志明",
            "sales TNN-04 S-TNN-0002 2026-11-23 sold 林志明",
            "sales TPE-01 S-TPE-20261123-0002 2026-11-23 sold 林志明",
            "underwriting TPE-01 U-TPE-20261123-003 2026-11-21 accept 林志明",
            "claims TPE-01 CLM-TPE-2611-0107 2026-11-10 paid 林志明"),
        lines(lookup().find(BlindIndexedColumn.ID_NUMBER, "f 123 456 782")));
  }

  @Test
  void aPhoneNumberFindsTheComplaintsThatCarryNoIdNumber() {
    assertEquals(List.of(
            "sales TNN-04 S-TNN-0001 2026-11-23 sold 林志明",
            "sales TPE-01 S-TPE-20261123-0002 2026-11-23 sold 林志明",
            "claims TPE-01 CLM-TPE-2611-0107 2026-11-10 paid 林志明",
            "complaints TNN-04 K-TNN-0001 2026-11-22 open 林志明",
            "complaints TPE-01 CMP-TPE-2611-0031 2026-11-23 closed 林志明"),
        lines(lookup().find(BlindIndexedColumn.PHONE, "0933-221-908")));
  }

  @Test
  void aLeftoverRowOfAnAttemptThatNeverBecameCurrentIsNotListed() {
    Map<String, AttributeValue> sale = rowItemsOf("REC#sales#TNN-04#S-TNN-0001").get(0);
    Map<String, AttributeValue> leftover = new HashMap<>(sale);
    leftover.put("sk", AttributeValue.fromS("2026-11-23#crashed-attempt"));
    leftover.put("generation", AttributeValue.fromS("crashed-attempt"));
    leftover.put("customer_name", sale.get("customer_name"));
    local.clients().dynamoDb().putItem(request -> request.tableName(table).item(leftover));
    try {
      assertEquals(5, lookup().find(BlindIndexedColumn.ID_NUMBER, ID_NUMBER).size());
    } finally {
      local.clients().dynamoDb().deleteItem(request -> request.tableName(table)
          .key(Map.of("pk", leftover.get("pk"), "sk", leftover.get("sk"))));
    }
  }

  @Test
  void theLookupCommandPrintsTheRecordsButNeverTheValueSearchedFor() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = QualityHubCli.run(new String[] {"lookup", "--id-no", "Ｆ１２３４５６７８２", "--endpoint", local.endpoint().toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);

    assertEquals(0, status, printed);
    assertTrue(printed.startsWith("5 records for the ID number given (current uploads; the newest row of each record):\n"), printed);
    assertTrue(printed.contains("claims        TPE-01     CLM-TPE-2611-0107    2026-11-10 paid              林志明\n"), printed);
    for (String echo : List.of("F123456782", "Ｆ１２３４５６７８２", "123456782")) {
      assertFalse(printed.contains(echo), "the value searched for was printed: " + echo);
    }
  }

  @Test
  void anErasureLeavesNoValueNoTermAndNoRowOfTheCustomerAndIsRecorded() {
    // 王志強 of TXG-03: one claim, stored as its two state rows (his sale was rejected: no policy id).
    List<Map<String, AttributeValue>> before = rowItemsOf("REC#claims#TXG-03#CLM-TXG-2611-0520");
    assertEquals(2, before.size(), "the rows this test erases: " + before);
    assertEquals(1, lookup().find(BlindIndexedColumn.ID_NUMBER, "B121212123").size());
    List<Map<String, AttributeValue>> reportInputsBefore = reportsTableItems();
    assertFalse(reportInputsBefore.isEmpty(), "the demo stored report aggregates and reports");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = QualityHubCli.run(new String[] {"erase", "--id-no", "B121212123", "--endpoint", local.endpoint().toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, printed);
    assertTrue(printed.contains(": 2 stored rows erased"), printed);
    assertTrue(printed.contains("Uploads: ") && printed.contains(" rewritten without the customer's rows"), printed);
    assertFalse(printed.contains("B121212123"), printed);

    assertEquals(List.of(), lookup().find(BlindIndexedColumn.ID_NUMBER, "B121212123"));
    assertEquals(List.of(), rowItemsOf("REC#claims#TXG-03#CLM-TXG-2611-0520"),
        "the rewritten claims upload no longer has his rows, so intake withdrew the erased ones");
    Map<String, AttributeValue> state = item(AttributeValue.fromS("REC#claims#TXG-03#CLM-TXG-2611-0520"), AttributeValue.fromS("STATE"));
    assertTrue(state == null || state.isEmpty(), "no rows left, so no state: " + state);
    assertEquals(reportInputsBefore, reportsTableItems(),
        "the erasure itself changes no aggregate or report (the next aggregation counts the rewritten upload)");
    List<Map<String, AttributeValue>> audits = local.clients().dynamoDb().query(request -> request.tableName(table)
        .consistentRead(true).keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(CustomerErasure.AUDIT_PK)))).items();
    assertEquals(1, audits.size());
    assertEquals(Set.of("pk", "sk", "status", "startedAt", "completedAt", "rowItems", "linkedItems", "stateRecords", "itemsErased",
            "itemsFailingIntegrity", "linkedItemsErased", "statesCleaned", "uploadsRewritten", "uploadVersionsDeleted"),
        audits.get(0).keySet(), "ids, item keys and counts: no blind-index term, no value");
    assertEquals(CustomerErasure.COMPLETED, audits.get(0).get("status").s());
    assertEquals("2", audits.get(0).get("itemsErased").n());
    assertEquals(Set.of("REC#claims#TXG-03#CLM-TXG-2611-0520"), Set.copyOf(audits.get(0).get("stateRecords").ss()));
    assertEquals(5, lookup().find(BlindIndexedColumn.ID_NUMBER, ID_NUMBER).size(), "other customers are untouched");
  }

  // ---------------------------------------------------------------------------------------------

  private static CustomerLookup lookup() {
    BlindIndex blindIndex = LocalRecords.blindIndex(local);
    return new CustomerLookup(local.clients().dynamoDb(), table, blindIndex,
        LocalRecords.decryptor(local, failure -> { throw new AssertionError("integrity failure", failure); }));
  }

  private static List<String> lines(List<CustomerRecord> records) {
    return records.stream().map(r -> String.join(" ", r.type().wireName(), r.branch(), r.recordId(), String.valueOf(r.date()),
        r.status(), String.valueOf(r.customerName()))).toList();
  }

  private static List<Map<String, AttributeValue>> rowItemsOf(String pk) {
    return local.clients().dynamoDb().query(request -> request.tableName(table).consistentRead(true)
        .keyConditionExpression("pk = :pk AND sk < :state")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":state", AttributeValue.fromS("STATE")))).items();
  }

  private static Map<String, AttributeValue> item(AttributeValue pk, AttributeValue sk) {
    return local.clients().dynamoDb().getItem(request -> request.tableName(table).consistentRead(true)
        .key(Map.of("pk", pk, "sk", sk))).item();
  }

  /**
   * Every item of the reports table that reports are made of (aggregates, report index), in key order; not the
   * audit chain, which the lookups and the erasure extend.
   */
  private static List<Map<String, AttributeValue>> reportsTableItems() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    local.clients().dynamoDb().scanPaginator(request -> request.tableName(local.physicalId("ReportsTable")).consistentRead(true))
        .items().stream().filter(item -> !"AUDIT".equals(item.get("pk").s())).forEach(items::add);
    items.sort(java.util.Comparator.comparing((Map<String, AttributeValue> item) -> item.get("pk").s())
        .thenComparing(item -> item.get("sk").s()));
    return items;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("EXPECTED.json")).toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }
}
