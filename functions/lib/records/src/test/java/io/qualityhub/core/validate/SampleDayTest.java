package io.qualityhub.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.UploadKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample branch files in events/ against their EXPECTED.json, written by hand from the
 * format page by someone other than the validator's author: every file's accepted and rejected
 * counts, and each reject's line, column and reason.
 */
class SampleDayTest {

  private static final Path EVENTS = Path.of("..", "..", "..", "events");

  static Stream<JsonNode> expectations() throws Exception {
    List<JsonNode> all = new ArrayList<>();
    for (String set : List.of("sample-day", "refused", "hostile")) {
      JsonNode expected = new ObjectMapper().readTree(EVENTS.resolve(set).resolve("EXPECTED.json").toFile());
      expected.forEach(entry -> all.add(((com.fasterxml.jackson.databind.node.ObjectNode) entry.deepCopy()).put("set", set)));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectations")
  void eachSampleFileYieldsExactlyItsExpectedRowsAndRejects(JsonNode expected) throws Exception {
    String key = expected.get("key").asText();
    Path file = EVENTS.resolve(expected.get("set").asText()).resolve(key.substring(UploadKey.INCOMING_PREFIX.length()));
    String outcome;
    try {
      UploadKey upload = UploadKey.parse(key);
      ScanFixture scan = ScanFixture.scan(upload.branch(), upload.type(), upload.format(), Files.readAllBytes(file), upload.gzipped());
      outcome = "processed accepted=" + scan.result.accepted() + " rejected=" + scan.result.rejected()
          + " rejects=" + scan.rejectSummary();
    } catch (FileRefusedException e) {
      outcome = "refused " + e.reason();
    }
    assertEquals(describe(expected), outcome);
  }

  private static String describe(JsonNode expected) {
    if (expected.get("status").asText().equals("refused")) {
      return "refused " + expected.get("refusal").asText();
    }
    List<String> rejects = new ArrayList<>();
    expected.get("rejects").forEach(r -> rejects.add(r.get("line").asInt() + ":" + r.get("column").asText() + ":" + r.get("reason").asText()));
    return "processed accepted=" + expected.get("accepted").asInt() + " rejected=" + expected.get("rejected").asInt()
        + " rejects=" + rejects;
  }
}
