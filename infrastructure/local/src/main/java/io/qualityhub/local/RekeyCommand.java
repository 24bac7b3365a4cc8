package io.qualityhub.local;

import io.qualityhub.core.crypto.DataKeyRewrapper;
import io.qualityhub.core.crypto.KmsDataKeySource;
import io.qualityhub.core.crypto.RewrapResult;
import io.qualityhub.reports.audit.AccessRecord;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code ./qualityhub rekey --to-key ARN}: moves record data under another KMS key by re-wrapping
 * each stored data key (docs/operations/key-rotation.md). Rows are not touched.
 */
final class RekeyCommand {

  static final String USAGE = "usage: qualityhub rekey --to-key ARN [--from-key ARN] " + AwsTarget.USAGE;

  private final Path projectRoot;
  private final PrintStream out;

  RekeyCommand(Path projectRoot, PrintStream out) {
    this.projectRoot = projectRoot;
    this.out = out;
  }

  int run(List<String> args) {
    Options options = Options.parse(args, AwsTarget.optionsWith("--to-key", "--from-key"), Set.of(), USAGE);
    String destination = options.value("--to-key").orElseThrow(() -> new UsageException("--to-key is required\n" + USAGE));
    if (!options.positional().isEmpty()) {
      throw new UsageException(USAGE);
    }
    try (LocalDeployment local = LocalRecords.open(projectRoot, options, out)) {
      String source = options.value("--from-key").orElse(local.attribute("DataKey", "Arn"));
      RewrapResult result = new DataKeyRewrapper(local.clients().dynamoDb(), LocalRecords.table(local),
          new KmsDataKeySource(local.clients().kms(), source), source).rewrapTo(destination);
      CliAudit.append(local, AccessRecord.REKEY, "record data keys from " + source + " to " + destination,
          result.rewrapped());
      out.println("Re-wrapped " + result.rewrapped() + " data keys from " + source + " to " + destination
          + (result.alreadyThere() > 0 ? " (" + result.alreadyThere() + " already were under it)" : "") + ".");
      out.println("Readers and intake must now be given " + destination + " as DATA_KEY_ARN (locally: lookup and erase"
          + " --data-key " + destination + "); see docs/operations/key-rotation.md.");
      return 0;
    }
  }
}
