package io.qualityhub.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sample events in events/intake (what {@code sam local invoke -e} is given) read as the
 * uploads they announce: keys decoded, versions, sequencers and the uploading branch session kept,
 * a test event announcing none.
 */
class S3NotificationsTest {

  private static final Path EVENTS = Path.of("..", "..", "events", "intake");
  private static final String BUCKET = "qualityhub-dev-intake-123456789012-ap-northeast-1";
  private static final String TPE_01 = "AWS:AROA3EXAMPLEUPLOADER:branch-TPE-01";

  @Test
  void anObjectCreatedEventAnnouncesItsObjectVersion() throws Exception {
    assertEquals(List.of(List.of(new S3ObjectRef(BUCKET, "incoming/TPE-01/2026-11-23/claims.csv",
        "Lw9cZ0E2tQv7S3bM1fYkP4nHa8RxJu6D", "00692352E8523A1C47", TPE_01))), objectsPerMessage("sqs-s3-object-created.json"));
  }

  @Test
  void theTestEventS3SendsWhenNotificationsAreConfiguredAnnouncesNothing() throws Exception {
    assertEquals(List.of(List.of()), objectsPerMessage("sqs-s3-test-event.json"));
  }

  @Test
  void urlEncodedKeysAreDecodedSpacesIncluded() throws Exception {
    assertEquals(List.of(
        List.of(new S3ObjectRef(BUCKET, "incoming/TPE-01/2026-11-23/sales.csv", "b1V8mRt3Kq0Zx5Lp7Wn2Yc9Hd4Fs6Ja0",
            "00692350B0C1D2E3F4", TPE_01)),
        List.of(new S3ObjectRef(BUCKET, "incoming/TPE-01/2026-11-23/sales (2).csv", "Gq2Ns7Vb4Xk9Mc1Rt6Zp3Lw8Hy5Df0Ja",
            "006923513F8E7D6C5B", TPE_01))), objectsPerMessage("sqs-s3-url-encoded-key.json"));
  }

  @Test
  void eachMessageOfABatchAnnouncesItsOwnUpload() throws Exception {
    assertEquals(List.of(
        List.of(new S3ObjectRef(BUCKET, "incoming/KHH-02/2026-11-23/claims.jsonl.gz", "Pz4Kd8Wm1Qs6Nv3Bx0Cj7Hf2Lr9Tg5Ya",
            "0069234A9D1E2F3A4B", "AWS:AROA3EXAMPLEUPLOADER:branch-KHH-02")),
        List.of(new S3ObjectRef(BUCKET, "incoming/TXG-03/2026-11-23/complaints.jsonl", "Ty6Lc1Jn8Rv3Xq5Mb0Wk7Dp2Hs9Fz4Ga",
            "0069234AE35F6A7B8C", "AWS:AROA3EXAMPLEUPLOADER:branch-TXG-03"))), objectsPerMessage("sqs-two-records.json"));
  }

  private static List<List<S3ObjectRef>> objectsPerMessage(String event) throws Exception {
    List<List<S3ObjectRef>> objects = new ArrayList<>();
    for (JsonNode message : new ObjectMapper().readTree(EVENTS.resolve(event).toFile()).get("Records")) {
      objects.add(S3Notifications.objectsIn(message.get("body").asText()));
    }
    return objects;
  }
}
