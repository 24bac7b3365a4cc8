package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.core.crypto.TamperedValueException;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.core.store.SealKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * docs/operations/upgrade.md on the emulator, over every sealed kind in both tables: {@code qualityhub reseal} seals
 * items stored without a seal (a corrective action, a sample task, an aggregate), leaves one with a failing seal
 * refused, does nothing once complete, and stops at a completion mark that fails its seal. (The monitor alerting on a
 * re-sealed state: DeadlineMonitorEndToEndTest.)
 */
class ResealEndToEndTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

  private static LocalDeployment local;
  private static ItemSeal records;
  private static ItemSeal reports;

  @BeforeAll
  static void deploy() {
    System.setProperty("qualityhub.root", ROOT.toString());
    local = LocalDeployment.open(ROOT, Optional.empty());
    byte[] key = SealKey.derive(local.clients().kms(), local.attribute("IntegrityKey", "Arn"));
    records = new ItemSeal(local.physicalId("RecordsTable"), key);
    reports = new ItemSeal(local.physicalId("ReportsTable"), key);
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void itemsWithoutASealAreSealedOnceAndAFailingSealNeverIs() {
    Map<String, AttributeValue> action = put(records, false, item("ACTION#TPE-01#CA-1", "STATE", "status", "open"));
    Map<String, AttributeValue> task = put(records, false, item("SAMPLE#2026-11", "TASK#T-1", "recordId", "CLM-1"));
    Map<String, AttributeValue> aggregate = put(reports, false, item("AGG#2026-11", "2026-11-23#TPE-01#CLAIMS", "aggregate", "{}"));
    Map<String, AttributeValue> sealedHeader = put(records, true, item("SAMPLE#2026-11", "SAMPLE", "plan", "v1"));
    Map<String, AttributeValue> changedAction = put(records, true, item("ACTION#KHH-02#CA-2", "STATE", "status", "open"));
    changedAction.put("status", AttributeValue.fromS("closed"));
    put(records, false, changedAction); // as changed by hand, keeping its old seal
    put(records, false, item("FILE#TPE-01#claims#2026-11-23", "CURRENT", "generation", "g1")); // no sealed kind

    Run first = reseal();
    assertEquals(1, first.status(), "an item stays refused: " + first.printed());
    assertTrue(first.printed().startsWith("Sealed 3 items stored before seals; the pass is complete and seals nothing from now"
        + " on. 1 items were sealed already.\n1 items stay refused (1 with a seal that fails, 0 without a seal after completion)"),
        first.printed());
    records.verify(stored(records, action));
    records.verify(stored(records, task));
    reports.verify(stored(reports, aggregate));
    assertEquals(sealedHeader, stored(records, sealedHeader), "a sealed item is left as it was");
    assertThrows(TamperedValueException.class, () -> records.verify(stored(records, changedAction)), "never blessed");
    assertEquals("closed", stored(records, changedAction).get("status").s(), "nor put back by the pass");

    Map<String, AttributeValue> late = put(records, false, item("ACTION#TXG-03#CA-3", "STATE", "status", "open"));
    Run again = reseal();
    assertEquals(1, again.status(), again.printed());
    assertTrue(again.printed().contains(" and sealed nothing this time. 4 items were sealed already.\n2 items stay refused (1 with"
        + " a seal that fails, 1 without a seal after completion)"), again.printed());
    assertFalse(stored(records, late).containsKey(ItemSeal.ATTRIBUTE), "an item without a seal after completion stays so");

    Map<String, AttributeValue> mark = stored(records, item("MAINTENANCE#reseal", "COMPLETED"));
    mark.put("completedAt", AttributeValue.fromS("2020-01-01T00:00:00Z"));
    put(records, false, mark);
    Run forged = reseal();
    assertEquals(3, forged.status(), forged.printed());
    assertTrue(forged.printed().contains("the re-seal pass's completion mark MAINTENANCE#reseal|COMPLETED in "
        + records.table() + " fails its seal, so nothing was sealed"), forged.printed());
    assertFalse(stored(records, late).containsKey(ItemSeal.ATTRIBUTE));
  }

  private record Run(int status, String printed) {}

  private static Run reseal() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream to = new PrintStream(printed, true, StandardCharsets.UTF_8);
    int status = QualityHubCli.run(new String[] {"reseal", "--endpoint", local.endpoint().toString()}, to, to);
    return new Run(status, printed.toString(StandardCharsets.UTF_8));
  }

  private static Map<String, AttributeValue> item(String pk, String sk, String... attributes) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", AttributeValue.fromS(pk));
    item.put("sk", AttributeValue.fromS(sk));
    for (int i = 0; i < attributes.length; i += 2) {
      item.put(attributes[i], AttributeValue.fromS(attributes[i + 1]));
    }
    return item;
  }

  /** Stores the item (sealed, or as it is), and returns it as stored. */
  private static Map<String, AttributeValue> put(ItemSeal seal, boolean sealed, Map<String, AttributeValue> item) {
    Map<String, AttributeValue> stored = sealed ? seal.sealed(item) : item;
    local.clients().dynamoDb().putItem(request -> request.tableName(seal.table()).item(stored));
    return new HashMap<>(stored);
  }

  private static Map<String, AttributeValue> stored(ItemSeal seal, Map<String, AttributeValue> item) {
    return new HashMap<>(local.clients().dynamoDb().getItem(request -> request.tableName(seal.table()).consistentRead(true)
        .key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))).item());
  }
}
