package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qualityhub.core.format.Column;
import io.qualityhub.core.format.ColumnType;
import io.qualityhub.core.format.RecordType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole local cycle with recognisable values planted in every sensitive column of every record
 * type, in CSV and JSON Lines, gzipped or not, in rows that are stored and in rows that are
 * rejected (also planted in the column that breaks them, in broken JSON and in ignored x_ columns);
 * then the demo, with every step later issues add to it, and an erasure. Afterwards not one planted
 * value may be found anywhere outside the uploads themselves.
 */
class NoLeaksTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final String MARK = PlantedFiles.MARK;

  @Test
  void plantedValuesAppearNowhereAfterTheWholeLocalCycle(@TempDir Path work) throws Exception {
    Path data = plantedUploads(work.resolve("data"));
    Path out = work.resolve("out");
    System.setProperty("qualityhub.root", ROOT.toString()); // where the command line finds template.yaml

    try (LocalDeployment local = LocalDeployment.open(ROOT, Optional.empty())) {
      ByteArrayOutputStream console = new ByteArrayOutputStream();
      PrintStream consoleStream = new PrintStream(console, true, StandardCharsets.UTF_8);
      int demo = new DemoCommand(ROOT, consoleStream).run(Options.parse(
          List.of("--data", data.toString(), "--out", out.toString(), "--endpoint", local.endpoint().toString()),
          Set.of("--data", "--as-of", "--out", "--endpoint"), Set.of(), DemoCommand.USAGE));
      int erased = QualityHubCli.run(new String[] {"erase", "--id-no", "PLANTED-claim-idno", "--endpoint", local.endpoint().toString()},
          consoleStream, consoleStream);
      String printed = console.toString(StandardCharsets.UTF_8);
      assertEquals(0, demo, "a demo that failed a step leaves less to scan: " + printed);
      assertEquals(0, erased, printed);
      assertTrue(printed.contains("Files: 13 taken, 1 refused."), printed);
      assertTrue(printed.contains(": 1 stored rows erased"), printed);
      assertTrue(printed.contains("special-report_2026-11_company_corrective-actions: 1 corrective action(s) tracked,"
          + " 1 overdue"), "the demo's failed inspection is tracked: " + printed);
      assertFalse(printed.contains("  CALENDAR: "), "the demo's deadlines fall inside the listed holidays: " + printed);

      LeakScanner scanner = new LeakScanner(local.clients(), local.endpoint());
      List<String> leaks = new ArrayList<>(scanner.scanEmulator(MARK));
      leaks.addAll(scanner.files(MARK, out));
      leaks.addAll(scanner.text(MARK, "console output of demo and erase", printed));
      assertEquals(List.of(), leaks, "planted values found outside the uploads");
      assertTrue(Files.isRegularFile(out.resolve("summary.json")) && Files.size(out.resolve("logs/functions.log")) > 0,
          "the scan covered the demo's summary and function logs");
    }
  }

  @Test
  void thePlantedUploadsCoverEverySensitiveColumnOfEveryRecordType() {
    Set<String> missing = new TreeSet<>();
    for (RecordType type : RecordType.values()) {
      String csv = PlantedFiles.csvByType().get(type.wireName());
      List<String> header = csv == null ? List.of() : List.of(csv.lines().findFirst().orElseThrow().split(","));
      List<String> goodRow = csv == null ? List.of() : List.of(csv.lines().skip(1).findFirst().orElseThrow().split(",", -1));
      for (Column column : type.columns()) {
        int at = header.indexOf(column.name());
        if (column.sensitive() && (at < 0 || !goodRow.get(at).startsWith(MARK + "-"))) {
          missing.add(type.wireName() + "." + column.name());
        }
      }
    }
    assertEquals(Set.of(), missing, "sensitive columns without a planted value in a stored row");
  }

  /**
   * Branch PLT-01: PlantedFiles as CSV. PLT-02: the same rows as JSON Lines, gzipped for half the
   * types, each file with three more bad lines: broken JSON around a planted value, a planted value
   * in an enumerated column, and a good row whose planted value sits in an x_ column intake ignores.
   */
  private static Path plantedUploads(Path data) throws Exception {
    ObjectMapper json = new ObjectMapper();
    int index = 0;
    for (Map.Entry<String, String> file : PlantedFiles.csvByType().entrySet()) {
      String typeName = file.getKey();
      RecordType type = RecordType.fromWireName(typeName).orElseThrow();
      Path csv = data.resolve("PLT-01/2026-11-20/" + typeName + ".csv");
      Files.createDirectories(csv.getParent());
      Files.writeString(csv, file.getValue(), StandardCharsets.UTF_8);

      List<String> lines = file.getValue().lines().toList();
      String[] header = lines.get(0).split(",");
      StringBuilder jsonl = new StringBuilder();
      for (String line : lines.subList(1, lines.size())) {
        jsonl.append(json.writeValueAsString(toJson(json, type, header, line.split(",", -1)))).append('\n');
      }
      String[] good = lines.get(1).split(",", -1);
      ObjectNode withExtra = toJson(json, type, header, good);
      withExtra.put(type.idColumn(), "X-9");
      withExtra.put("x_note", "PLANTED-" + typeName + "-ignored-column");
      jsonl.append(json.writeValueAsString(withExtra)).append('\n');
      jsonl.append("{\"").append(type.idColumn()).append("\":\"B-9\",\"").append(header[header.length - 1])
          .append("\":\"PLANTED-").append(typeName).append("-broken-json\n");
      ObjectNode badEnum = toJson(json, type, header, good);
      badEnum.put(type.idColumn(), "E-9");
      type.columns().stream().filter(column -> !column.allowed().isEmpty()).findFirst()
          .ifPresent(column -> badEnum.put(column.name(), "PLANTED-" + typeName + "-bad-enum"));
      jsonl.append(json.writeValueAsString(badEnum)).append('\n');

      boolean gzipped = index++ % 2 == 0;
      Path jsonlFile = data.resolve("PLT-02/2026-11-20/" + typeName + ".jsonl" + (gzipped ? ".gz" : ""));
      Files.createDirectories(jsonlFile.getParent());
      byte[] bytes = jsonl.toString().getBytes(StandardCharsets.UTF_8);
      if (gzipped) {
        try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(jsonlFile))) {
          gz.write(bytes);
        }
      } else {
        Files.write(jsonlFile, bytes);
      }
    }
    plantedInHeadersAndKeys(json, data.resolve("PLT-03/2026-11-20"));
    return data;
  }

  /**
   * Branch PLT-03: values where names belong. A sales CSV exported without its header row, so its
   * first "header" cell is a customer's name; and complaints whose JSON keys are an ID number and a
   * formula typed in the wrong place.
   */
  private static void plantedInHeadersAndKeys(ObjectMapper json, Path day) throws Exception {
    Files.createDirectories(day);
    Files.writeString(day.resolve("sales.csv"), "PLANTED-headerless-customer-name,PLANTED-headerless-idno,S-1\n"
        + "PLANTED-headerless-second-row,PLANTED-headerless-idno-2,S-2\n", StandardCharsets.UTF_8);
    String complaints = PlantedFiles.csvByType().get("complaints");
    List<String> lines = complaints.lines().toList();
    ObjectNode good = toJson(json, RecordType.COMPLAINTS, lines.get(0).split(","), lines.get(1).split(",", -1));
    StringBuilder jsonl = new StringBuilder();
    for (String key : List.of("PLANTED-key-A123456789", "=HYPERLINK(\"PLANTED-formula-key\")", "@PLANTED-at-key")) {
      ObjectNode row = good.deepCopy();
      row.put(key, "x");
      jsonl.append(json.writeValueAsString(row)).append('\n');
    }
    Files.writeString(day.resolve("complaints.jsonl"), jsonl, StandardCharsets.UTF_8);
  }

  private static ObjectNode toJson(ObjectMapper json, RecordType type, String[] header, String[] values) {
    ObjectNode row = json.createObjectNode();
    for (int i = 0; i < header.length; i++) {
      String value = i < values.length ? values[i] : "";
      if (value.isEmpty()) {
        continue;
      }
      int column = type.indexOf(header[i]);
      if (column >= 0 && type.column(column).type() == ColumnType.BOOLEAN && (value.equals("Y") || value.equals("N"))) {
        row.put(header[i], value.equals("Y"));
      } else {
        row.put(header[i], value.replace("PLANTED-", "PLANTED-json-"));
      }
    }
    return row;
  }
}
