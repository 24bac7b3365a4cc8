package io.qualityhub.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Any object key either parses into a key that renders back to exactly the same string, or is
 * refused as INVALID_KEY with a message; nothing else may escape {@link UploadKey#parse}. In a plain
 * {@code mvn test} this replays the inputs in {@code UploadKeyFuzzTestInputs/}; see docs/testing.md.
 */
class UploadKeyFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void parse(byte[] input) {
    String key = new String(input, StandardCharsets.UTF_8);
    UploadKey parsed;
    try {
      parsed = UploadKey.parse(key);
    } catch (FileRefusedException refused) {
      assertEquals(RefusalReason.INVALID_KEY, refused.reason());
      assertFalse(refused.getMessage() == null || refused.getMessage().isBlank(), "a refusal says why");
      return;
    }
    assertEquals(key, render(parsed), "a parsed key renders back to the key it came from");
    assertTrue(parsed.rejectsKey().startsWith("rejects/" + parsed.branch() + "/"), parsed.rejectsKey());
    assertEquals(3, parsed.fileId().split("#", -1).length, "branch, type and date, none holding '#'");
  }

  /** The key layout of upload format version 1, written out independently of the parser. */
  private static String render(UploadKey key) {
    return "incoming/" + key.branch() + "/" + key.businessDate() + "/" + key.type().wireName() + "."
        + key.format().extension() + (key.gzipped() ? ".gz" : "");
  }
}
