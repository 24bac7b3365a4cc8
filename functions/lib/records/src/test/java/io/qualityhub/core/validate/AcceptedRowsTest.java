package io.qualityhub.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qualityhub.core.format.FileFormat;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.UploadKey;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading an accepted file again: validated, or unvalidated and picked by the lines a validated pass kept. */
class AcceptedRowsTest {

  private static final UploadKey KEY = new UploadKey("TPE-01", LocalDate.parse("2026-11-23"), RecordType.CLAIMS,
      FileFormat.CSV, false);
  private static final String CLAIMS_HEADER = "claim_id,policy_id,product_code,product_line,complexity,green_channel,status,"
      + "reported_at,documents_complete_at,decided_at,paid_at,closed_at,amount_claimed,amount_paid,currency,handler_id,"
      + "updated_at,customer_name,customer_id_no,customer_phone,diagnosis";
  private static final byte[] FILE = String.join("\r\n",
      CLAIMS_HEADER,
      claim("C-1", "reported", "", "2026-11-02T10:00:00+08:00"),
      claim("C-1", "paid", "800", "2026-11-03T10:00:00+08:00"),
      claim("C-2", "reported", "", "2026-11-03T10:00:00+08:00"),
      claim("C-2", "paid", "", "2026-11-04T10:00:00+08:00"), // invalid: paid without amount_paid
      claim("C-1", "reported", "", "2026-11-02T10:00:00+08:00"), // duplicate of line 2
      claim("C-3", "lost", "", "2026-11-03T10:00:00+08:00"), // invalid status
      "C-4,P-1") // broken
      .concat("\r\n").getBytes(StandardCharsets.UTF_8);

  private static String claim(String id, String status, String amountPaid, String updatedAt) {
    return id + ",P-1,HLT-01,health,simple,N," + status + ",2026-11-01T09:00:00+08:00,,,,," + "1200.50," + amountPaid
        + ",TWD,H-7," + updatedAt + ",陳美玲,A123456789,0912-345-678,骨折";
  }

  @Test
  void theLatestLinesOfAValidatedPassPickTheSameRowsFromAnUnvalidatedOne() throws Exception {
    AcceptedRows rows = AcceptedRows.formatVersion1();
    int idIndex = RecordType.CLAIMS.idIndex();
    int versionIndex = RecordType.CLAIMS.indexOf("updated_at");
    List<Integer> accepted = new ArrayList<>();
    List<Integer> readable = new ArrayList<>();
    List<Integer> latest = new ArrayList<>();
    try (IdIndex index = new IdIndex()) {
      rows.forEach(new ByteArrayInputStream(FILE), KEY, "test file", (line, values) -> {
        accepted.add(line);
        index.keepLatest(values[idIndex], OffsetDateTime.parse(values[versionIndex]).toInstant().toEpochMilli(), line);
      });
      rows.forEachReadable(new ByteArrayInputStream(FILE), KEY, "test file", (line, values) -> {
        readable.add(line);
        if (index.lineOf(values[idIndex]) == line) {
          latest.add(line);
        }
      });
    }
    assertEquals(List.of(2, 3, 4), accepted);
    assertEquals(List.of(2, 3, 4, 5, 6, 7), readable, "every row but the broken one, invalid ones included");
    assertEquals(List.of(3, 4), latest, "C-1's paid row and C-2's reported row: never an invalid or repeated row");
  }
}
