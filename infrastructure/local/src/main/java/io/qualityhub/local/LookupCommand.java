package io.qualityhub.local;

import io.qualityhub.core.crypto.BlindIndex;
import io.qualityhub.core.store.BlindIndexedColumn;
import io.qualityhub.core.store.CustomerLookup;
import io.qualityhub.core.store.CustomerRecord;
import io.qualityhub.reports.audit.AccessRecord;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * {@code ./qualityhub lookup --id-no VALUE | --phone VALUE}: every sale, underwriting file, claim
 * and complaint of one customer, across branches, found through the blind index. For a person of
 * the quality department, who is entitled to see the names it prints; the value searched for is
 * never printed, logged or put in an error message.
 */
final class LookupCommand {

  static final String USAGE = "usage: qualityhub lookup --id-no VALUE | --phone VALUE [--data-key ARN] " + AwsTarget.USAGE;

  private final Path projectRoot;
  private final PrintStream out;

  LookupCommand(Path projectRoot, PrintStream out) {
    this.projectRoot = projectRoot;
    this.out = out;
  }

  int run(List<String> args) {
    Options options = Options.parse(args, AwsTarget.optionsWith("--id-no", "--phone", "--data-key"), Set.of(), USAGE);
    Map<BlindIndexedColumn, String> identifiers = LocalRecords.identifiers(options, USAGE);
    if (identifiers.size() != 1) {
      throw new UsageException("give exactly one of --id-no and --phone\n" + USAGE);
    }
    Map.Entry<BlindIndexedColumn, String> identifier = identifiers.entrySet().iterator().next();
    String what = LocalRecords.describe(identifier.getKey());
    try (LocalDeployment local = LocalRecords.open(projectRoot, options, out)) {
      // A missing or unreadable blind-index key fails the command (exit status 3): it never silently finds nothing.
      BlindIndex blindIndex = LocalRecords.blindIndex(local);
      // A failed integrity check fails the command with its message and exit status 3.
      String dataKeyArn = LocalRecords.dataKeyArn(local, options);
      CustomerLookup lookup = new CustomerLookup(local.clients().dynamoDb(), LocalRecords.table(local), blindIndex,
          LocalRecords.decryptor(local, dataKeyArn, failure -> { }));
      List<CustomerRecord> records;
      try {
        records = lookup.find(identifier.getKey(), identifier.getValue());
      } catch (KmsException e) {
        throw LocalRecords.unwrapRefused(dataKeyArn, e);
      }
      // On the trail before anything is shown: kind of identifier and count, never the value.
      CliAudit.append(local, AccessRecord.LOOKUP, "customer records by " + identifier.getKey().column(), records.size());
      if (records.isEmpty()) {
        out.println("No records for the " + what + " given.");
        return 1;
      }
      out.println(records.size() + " record" + (records.size() == 1 ? "" : "s") + " for the " + what
          + " given (current uploads; the newest row of each record):");
      out.printf("%-13s %-10s %-20s %-10s %-17s %s%n", "TYPE", "BRANCH", "ID", "DATE", "STATUS", "CUSTOMER NAME");
      for (CustomerRecord record : records) {
        out.printf("%-13s %-10s %-20s %-10s %-17s %s%n", record.type().wireName(), record.branch(), record.recordId(),
            record.date() == null ? record.businessDate() : record.date(), record.status(),
            record.customerName() == null ? "-" : record.customerName());
      }
      return 0;
    }
  }
}
