package io.qualityhub.intake;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.qualityhub.core.crypto.BlindIndexKeyMissingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One intake queue message: the S3 notifications of uploads under {@code incoming/}, each taken to an outcome by
 * {@link IntakeService} (processed, refused or superseded: all final, or continued from a checkpoint by the next
 * invocation). A message fails, so that SQS retries and then dead-letters it, when a file was given up on after every
 * attempt or the blind-index key is missing.
 */
final class UploadMessages {

  private static final Logger LOG = LoggerFactory.getLogger(UploadMessages.class);

  /** Takes one upload to its outcome ({@link IntakeService#process(S3ObjectRef, InvocationBudget)}). */
  interface Uploads {
    FileOutcome process(S3ObjectRef object, InvocationBudget budget) throws IOException;
  }

  private final Uploads uploads;
  private final Consumer<FileOutcome> metrics;
  private final Runnable blindIndexKeyMissing;
  private final Continuations continuations;

  /**
   * @param metrics              where each file's outcome is counted
   * @param blindIndexKeyMissing called each time a message fails because the blind-index key is missing or unreadable
   * @param continuations        where a message goes again when one of its files stopped at a checkpoint
   */
  UploadMessages(Uploads uploads, Consumer<FileOutcome> metrics, Runnable blindIndexKeyMissing,
      Continuations continuations) {
    this.uploads = uploads;
    this.metrics = metrics;
    this.blindIndexKeyMissing = blindIndexKeyMissing;
    this.continuations = continuations;
  }

  /**
   * Takes every object of the message to an outcome, and throws when one needs the message again: a file given up on
   * after every attempt (so SQS dead-letters it) or a missing blind-index key.
   */
  void process(String messageBody, InvocationBudget budget)
      throws IOException, S3Notifications.MalformedNotificationException, UploadsGivenUpException {
    List<String> givenUp = new ArrayList<>();
    boolean continued = false;
    try {
      for (S3ObjectRef object : S3Notifications.objectsIn(messageBody)) {
        FileOutcome outcome = uploads.process(object, budget);
        continued |= outcome.status() == FileStatus.CONTINUED;
        metrics.accept(outcome);
        LOG.info("upload {}", outcome.status().wireName(),
            entry("objectKey", outcome.key()), entry("rowsRead", outcome.rowsRead()),
            entry("accepted", outcome.accepted()), entry("rejected", outcome.rejected()),
            entry("refusal", outcome.refusal()), entry("generation", outcome.generation()));
        if (outcome.isUnprocessable()) {
          givenUp.add(outcome.key());
        }
      }
    } catch (BlindIndexKeyMissingException e) {
      // Fails closed: the message is retried, then dead-lettered; nothing was stored and no key is minted.
      blindIndexKeyMissing.run();
      throw e;
    }
    if (continued) {
      // The same notification again: finished objects in it answer from their batch records, the others resume
      // from their checkpoints. Sent before this message is deleted, so a crash in between repeats, never loses it.
      continuations.send(messageBody);
    }
    if (!givenUp.isEmpty()) {
      throw new UploadsGivenUpException(givenUp);
    }
  }
}
