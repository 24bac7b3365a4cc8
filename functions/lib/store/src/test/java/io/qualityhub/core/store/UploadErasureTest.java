package io.qualityhub.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qualityhub.core.crypto.BlindIndex;
import io.qualityhub.core.format.UploadKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The bytes an erasure writes back for an upload: the customer's rows out, linked free text emptied, the rest as it was. */
class UploadErasureTest {

  private static final BlindIndex INDEX = new BlindIndex(new byte[32]);
  private static final UploadErasure ERASURE = new UploadErasure(null, "bucket", null, "table", INDEX);
  private static final Map<String, Set<String>> TERMS = Map.of("id_no", Set.of(INDEX.term("id_no", "A123")),
      "phone", Set.of(INDEX.term("phone", "0911")));

  @Test
  void aCsvLosesTheCustomersRowsWholeAndKeepsEveryOtherByteCrlfAndBomIncluded() throws Exception {
    String csv = "\uFEFFclaim_id,policy_id,product_code,product_line,complexity,green_channel,status,reported_at,amount_claimed,"
        + "currency,handler_id,updated_at,customer_name,customer_id_no,customer_phone,diagnosis\r\n"
        + "C-1,P-1,X,auto,simple,N,reported,2026-11-20T10:00:00+08:00,5000,TWD,H-1,2026-11-20T11:00:00+08:00,n,a-123,,\"two\r\nlines\"\r\n"
        + "C-2,P-2,X,auto,simple,N,reported,2026-11-20T10:00:00+08:00,5000,TWD,H-1,2026-11-20T11:00:00+08:00,m,B999,,\"kept, \"\"quoted\"\"\"\r\n"
        + "C-1,P-1,X,auto,simple,N,closed,2026-11-20T10:00:00+08:00,5000,TWD,H-1,2026-11-21T11:00:00+08:00,,,,later\r\n";
    UploadErasure.Rewritten result = ERASURE.withoutCustomer(csv.getBytes(StandardCharsets.UTF_8),
        UploadKey.parse("incoming/ERZ-01/2026-11-23/claims.csv"), TERMS, Set.of(5), Set.of());

    assertEquals(2, result.dropped(), "by term (written otherwise), and by planned line");
    assertEquals(1, result.remainingRows());
    assertEquals("\uFEFFclaim_id,policy_id,product_code,product_line,complexity,green_channel,status,reported_at,amount_claimed,"
        + "currency,handler_id,updated_at,customer_name,customer_id_no,customer_phone,diagnosis\r\n"
        + "C-2,P-2,X,auto,simple,N,reported,2026-11-20T10:00:00+08:00,5000,TWD,H-1,2026-11-20T11:00:00+08:00,m,B999,,\"kept, \"\"quoted\"\"\"\r\n",
        new String(result.bytes(), StandardCharsets.UTF_8));
  }

  @Test
  void linkedRowsKeepEverythingButTheirFreeTextAndOnlyThemNoRewriteIsNeededWithoutThem() throws Exception {
    String csv = "record_id,policy_id,visited_on,visitor_id,outcome,issue_notes\n"
        + "F-1,P-1,2026-11-21,V-1,issue_raised,\"notes, with a comma\nand a line\"\n"
        + "F-2,P-2,2026-11-21,V-1,issue_raised,other notes\n";
    UploadKey key = UploadKey.parse("incoming/ERZ-01/2026-11-23/followups.csv");
    UploadErasure.Rewritten result = ERASURE.withoutCustomer(csv.getBytes(StandardCharsets.UTF_8), key, TERMS, Set.of(), Set.of(2));
    assertEquals(0, result.dropped());
    assertEquals(1, result.blanked());
    assertEquals("record_id,policy_id,visited_on,visitor_id,outcome,issue_notes\n"
        + "F-1,P-1,2026-11-21,V-1,issue_raised,\n"
        + "F-2,P-2,2026-11-21,V-1,issue_raised,other notes\n", new String(result.bytes(), StandardCharsets.UTF_8));

    assertEquals(0, ERASURE.withoutCustomer(result.bytes(), key, TERMS, Set.of(), Set.of(2)).blanked(), "already empty");
  }

  @Test
  void gzippedJsonLinesStayGzippedAndLoseTheCustomersLines() throws Exception {
    String jsonl = "{\"complaint_id\":\"K-1\",\"received_at\":\"2026-11-21T09:00:00+08:00\",\"channel\":\"phone\",\"category\":\"c\","
        + "\"severity\":\"general\",\"status\":\"open\",\"updated_at\":\"2026-11-21T09:00:00+08:00\",\"customer_phone\":\"09-11\"}\n"
        + "{\"complaint_id\":\"K-2\",\"received_at\":\"2026-11-21T09:00:00+08:00\",\"channel\":\"phone\",\"category\":\"c\","
        + "\"severity\":\"general\",\"status\":\"open\",\"updated_at\":\"2026-11-21T09:00:00+08:00\",\"customer_phone\":\"0922\","
        + "\"description\":\"about it\"}\n";
    UploadErasure.Rewritten result = ERASURE.withoutCustomer(gzip(jsonl), UploadKey.parse("incoming/ERZ-01/2026-11-23/complaints.jsonl.gz"),
        TERMS, Set.of(), Set.of(2));
    assertEquals(1, result.dropped());
    assertEquals(1, result.blanked());
    assertEquals("{\"complaint_id\":\"K-2\",\"received_at\":\"2026-11-21T09:00:00+08:00\",\"channel\":\"phone\",\"category\":\"c\","
        + "\"severity\":\"general\",\"status\":\"open\",\"updated_at\":\"2026-11-21T09:00:00+08:00\",\"customer_phone\":\"0922\"}\n",
        gunzip(result.bytes()));
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static String gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
