package io.qualityhub.local;

import io.qualityhub.reports.function.maintenance.RekeyHandler;
import io.qualityhub.reports.function.maintenance.RekeyOutcome;
import io.qualityhub.reports.function.maintenance.RekeyRequest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./qualityhub rekey --from-key ARN}: moves record data from a retired KMS key to the stack's record-data key
 * (DataKey) by re-wrapping each stored data key (docs/operations/key-rotation.md); rows are not touched. It runs as
 * the rekey function, the only principal that may re-wrap ({@link MaintenanceFunctions}); the function puts the move
 * on the audit trail.
 */
final class RekeyCommand {

  static final String USAGE = "usage: qualityhub rekey --from-key ARN " + AwsTarget.USAGE;

  private final Path projectRoot;
  private final PrintStream out;

  RekeyCommand(Path projectRoot, PrintStream out) {
    this.projectRoot = projectRoot;
    this.out = out;
  }

  int run(List<String> args) {
    Options options = Options.parse(args, AwsTarget.optionsWith("--from-key"), Set.of(), USAGE);
    String source = options.value("--from-key").orElseThrow(() -> new UsageException("--from-key is required: the key"
        + " the record data keys are wrapped under now (they move to the stack's DataKey)\n" + USAGE));
    if (!options.positional().isEmpty()) {
      throw new UsageException(USAGE);
    }
    try (LocalDeployment local = LocalRecords.open(projectRoot, options, out)) {
      Map<String, Object> event = Map.of("fromKey", source, "requestedBy", CliAudit.principal(local).who());
      try {
        RekeyRequest.of(event);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--from-key: " + e.getMessage() + "\n" + USAGE);
      }
      RekeyOutcome outcome = RekeyOutcome.fromResponse(MaintenanceFunctions.call(local, "RekeyFunction", event, RekeyHandler::new));
      out.println("Re-wrapped " + outcome.rewrapped() + " data keys from " + outcome.fromKey() + " to " + outcome.toKey()
          + (outcome.alreadyThere() > 0 ? " (" + outcome.alreadyThere() + " already were under it)" : "") + ".");
      out.println("Readers open them with the stack's DataKey now (locally: lookup and erase without --data-key);"
          + " see docs/operations/key-rotation.md.");
      return 0;
    }
  }
}
