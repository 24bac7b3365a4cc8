package io.qualityhub.local;

import io.qualityhub.core.crypto.BlindIndex;
import io.qualityhub.core.store.BlindIndexedColumn;
import io.qualityhub.core.store.CustomerErasure;
import io.qualityhub.core.store.ErasureResult;
import io.qualityhub.reports.audit.AccessRecord;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * {@code ./qualityhub erase --id-no VALUE [--phone VALUE]}: carries out one customer's erasure
 * request in the records table (docs/operations/erasure.md) and lists the uploaded objects that
 * still hold the values in clear. The values given are never printed.
 */
final class EraseCommand {

  static final String USAGE = "usage: qualityhub erase --id-no VALUE [--phone VALUE] [--data-key ARN] " + AwsTarget.USAGE;

  private final Path projectRoot;
  private final PrintStream out;

  EraseCommand(Path projectRoot, PrintStream out) {
    this.projectRoot = projectRoot;
    this.out = out;
  }

  int run(List<String> args) {
    Options options = Options.parse(args, AwsTarget.optionsWith("--id-no", "--phone", "--data-key"), Set.of(), USAGE);
    Map<BlindIndexedColumn, String> identifiers = LocalRecords.identifiers(options, USAGE);
    if (identifiers.isEmpty()) {
      throw new UsageException("give --id-no, --phone or both\n" + USAGE);
    }
    try (LocalDeployment local = LocalRecords.open(projectRoot, options, out)) {
      // A missing or unreadable blind-index key fails the command (exit status 3): it never silently erases nothing.
      BlindIndex blindIndex = LocalRecords.blindIndex(local);
      String dataKeyArn = LocalRecords.dataKeyArn(local, options);
      ErasureResult result;
      try {
        result = new CustomerErasure(local.clients().dynamoDb(), LocalRecords.seal(local), blindIndex,
            LocalRecords.decryptor(local, dataKeyArn, failure -> { }), Clock.systemUTC())
            .withUploads(local.clients().s3(), local.physicalId("IntakeBucket"), () -> deliverIntakeLocally(local))
            .erase(identifiers);
      } catch (KmsException e) {
        throw LocalRecords.unwrapRefused(dataKeyArn, e);
      }
      CliAudit.append(local, AccessRecord.ERASE, "customer records by " + identifiers.keySet().stream()
          .map(BlindIndexedColumn::column).sorted().collect(Collectors.joining(",")) + ", request " + result.requestId(),
          result.itemsErased());
      out.println("Erasure " + result.requestId() + (result.resumed() ? " (resumed)" : "") + " at " + result.erasedAt() + ": "
          + result.itemsErased() + " stored rows erased (sensitive values replaced by " + CustomerErasure.MARKER
          + ", blind-index terms removed); " + result.linkedItemsErased() + " linked rows' free text erased; "
          + result.statesCleaned() + " state items cleaned.");
      if (result.itemsFailingIntegrity() > 0) {
        out.println("WARNING: " + result.itemsFailingIntegrity() + " of them had already failed their integrity check;"
            + " they were erased but stay flagged. Investigate who changed them.");
      }
      out.println("Recorded as ERASURE#" + result.requestId() + " in " + LocalRecords.table(local) + " (item keys and counts only).");
      out.println("Uploads: " + result.uploadsRewritten() + " rewritten without the customer's rows, "
          + result.uploadVersionsDeleted() + " versions holding them deleted.");
      if (!result.uploadsHoldingValues().isEmpty()) {
        out.println("These uploads still hold values in clear (see docs/operations/erasure.md):");
        result.uploadsHoldingValues().forEach(upload -> out.println("  " + upload));
      }
      if (!result.completed()) {
        out.println("NOT COMPLETE: intake has not taken the rewritten uploads yet; run the same erase again:");
        result.uploadsAwaitingIntake().forEach(upload -> out.println("  " + upload));
        return 3;
      }
      return 0;
    }
  }

  /**
   * Locally, intake runs only when its queue is delivered: the rewritten uploads' notifications are taken here, as
   * the Lambda would take them on AWS. Its log goes nowhere (it never holds values, but is not wanted on the console).
   * On a deployed stack the intake function takes them by itself, and the next run of erase finds them taken.
   */
  private static void deliverIntakeLocally(LocalDeployment local) {
    if (!local.functionsRunLocally()) {
      return;
    }
    PrintStream functionLog = new PrintStream(java.io.OutputStream.nullOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8);
    new QueueDelivery(local.clients().configure(software.amazon.awssdk.services.sqs.SqsClient.builder()).build(),
        local.attribute("IntakeQueue", "QueueUrl"), local.attribute("IntakeQueue", "Arn"), local.clients().region().id(),
        functionLog)
        .drain(new io.qualityhub.intake.IntakeHandler(local.settingsOf("IntakeFunction"), local.clientsFor("IntakeFunction"),
            outcome -> { }), "IntakeFunction", 2);
  }
}
