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

  static final String USAGE = "usage: qualityhub erase --id-no VALUE [--phone VALUE] [--data-key ARN] [--endpoint URL]";

  private final Path projectRoot;
  private final PrintStream out;

  EraseCommand(Path projectRoot, PrintStream out) {
    this.projectRoot = projectRoot;
    this.out = out;
  }

  int run(List<String> args) {
    Options options = Options.parse(args, Set.of("--id-no", "--phone", "--data-key", "--endpoint"), Set.of(), USAGE);
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
        result = new CustomerErasure(local.clients().dynamoDb(), LocalRecords.table(local), blindIndex,
            LocalRecords.decryptor(local, dataKeyArn, failure -> { }), Clock.systemUTC()).erase(identifiers);
      } catch (KmsException e) {
        throw LocalRecords.unwrapRefused(dataKeyArn, e);
      }
      CliAudit.append(local, AccessRecord.ERASE, "customer records by " + identifiers.keySet().stream()
          .map(BlindIndexedColumn::column).sorted().collect(Collectors.joining(",")) + ", request " + result.requestId(),
          result.itemsErased());
      out.println("Erasure " + result.requestId() + " at " + result.erasedAt() + ": " + result.itemsErased()
          + " stored rows erased (sensitive values replaced by " + CustomerErasure.MARKER + ", blind-index terms removed).");
      if (result.itemsFailingIntegrity() > 0) {
        out.println("WARNING: " + result.itemsFailingIntegrity() + " of them had already failed their integrity check;"
            + " they were erased but stay flagged. Investigate who changed them.");
      }
      out.println("Recorded as ERASURE#" + result.requestId() + " in " + LocalRecords.table(local) + " (blind terms and counts only).");
      if (!result.uploadsHoldingValues().isEmpty()) {
        out.println("These uploaded object versions still hold the values in clear (see docs/operations/erasure.md):");
        result.uploadsHoldingValues().forEach(upload -> out.println("  " + upload));
      }
      return 0;
    }
  }
}
