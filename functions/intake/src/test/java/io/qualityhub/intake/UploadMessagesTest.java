package io.qualityhub.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qualityhub.core.crypto.BlindIndexKeyMissingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadMessagesTest {

  private static final String CLAIMS = "incoming/TPE-01/2026-11-23/claims.csv";
  private static final String SALES = "incoming/TPE-01/2026-11-23/sales.csv";
  /** One message announcing two uploads, as S3 sends it through the intake queue. */
  private static final String TWO_UPLOADS = "{\"Records\":[" + record(CLAIMS, "v-claims", "0069A") + ","
      + record(SALES, "v-sales", "0069B") + "]}";

  private final List<String> counted = new ArrayList<>();
  private final List<String> continuations = new ArrayList<>();
  private int keyMissingSignals;

  @Test
  void aMessageWhoseUploadsAllReachedAFinalOutcomeIsDoneAndEachOutcomeIsCounted() throws Exception {
    messages(Map.of(CLAIMS, FileStatus.PROCESSED, SALES, FileStatus.REFUSED)).process(TWO_UPLOADS, InvocationBudget.UNLIMITED);

    assertEquals(List.of(CLAIMS + " processed", SALES + " refused"), counted);
    assertEquals(List.of(), continuations);
  }

  @Test
  void anUploadStoppedAtItsCheckpointSendsTheSameNotificationAgainForTheNextInvocation() throws Exception {
    messages(Map.of(CLAIMS, FileStatus.PROCESSED, SALES, FileStatus.CONTINUED)).process(TWO_UPLOADS, InvocationBudget.UNLIMITED);

    assertEquals(List.of(TWO_UPLOADS), continuations);
  }

  @Test
  void anUploadGivenUpAfterEveryAttemptFailsTheMessageSoThatItIsDeadLetteredAfterTheOthersWereTakenCareOf() {
    UploadMessages messages = new UploadMessages((object, budget) -> object.key().equals(CLAIMS)
        ? FileOutcome.refused(CLAIMS, "g1", "UNPROCESSABLE: the file failed every attempt")
        : outcome(object.key(), FileStatus.PROCESSED), this::count, () -> keyMissingSignals++, continuations::add);

    UploadsGivenUpException failed = assertThrows(UploadsGivenUpException.class,
        () -> messages.process(TWO_UPLOADS, InvocationBudget.UNLIMITED));

    assertEquals("given up after every attempt, left for the dead-letter queue: " + CLAIMS, failed.getMessage());
    assertEquals(List.of(CLAIMS + " refused", SALES + " processed"), counted);
  }

  @Test
  void aMissingBlindIndexKeyFailsTheMessageClosedAndIsSignalledEachTime() {
    UploadMessages messages = new UploadMessages((object, budget) -> {
      throw new BlindIndexKeyMissingException("the blind-index key is missing");
    }, this::count, () -> keyMissingSignals++, continuations::add);

    assertThrows(BlindIndexKeyMissingException.class, () -> messages.process(TWO_UPLOADS, InvocationBudget.UNLIMITED));
    assertThrows(BlindIndexKeyMissingException.class, () -> messages.process(TWO_UPLOADS, InvocationBudget.UNLIMITED));

    assertEquals(2, keyMissingSignals);
    assertEquals(List.of(), counted);
    assertEquals(List.of(), continuations);
  }

  private UploadMessages messages(Map<String, FileStatus> statuses) {
    return new UploadMessages((object, budget) -> outcome(object.key(), statuses.get(object.key())), this::count,
        () -> keyMissingSignals++, continuations::add);
  }

  private void count(FileOutcome outcome) {
    counted.add(outcome.key() + " " + outcome.status().wireName());
  }

  private static FileOutcome outcome(String key, FileStatus status) {
    return new FileOutcome(key, status, 10, 9, 1, List.of(), null, "g1", null);
  }

  private static String record(String key, String versionId, String sequencer) {
    return "{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\",\"userIdentity\":{\"principalId\":"
        + "\"AWS:AROA3EXAMPLEUPLOADER:branch-TPE-01\"},\"s3\":{\"bucket\":{\"name\":\"qualityhub-dev-intake\"},"
        + "\"object\":{\"key\":\"" + key.replace("/", "%2F") + "\",\"versionId\":\"" + versionId + "\",\"sequencer\":\""
        + sequencer + "\"}}}";
  }
}
