package io.qualityhub.local;

import io.qualityhub.reports.function.AuditTrail;
import io.qualityhub.reports.function.AuditVerifier;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code ./qualityhub audit verify}: recomputes the report-access audit chain at the endpoint and
 * names the first broken link. Exit status 0 when the chain holds, 1 when a link is broken.
 */
final class AuditCommand {

  static final String USAGE = "usage: qualityhub audit verify [--endpoint URL]";

  private final Path projectRoot;
  private final PrintStream out;

  AuditCommand(Path projectRoot, PrintStream out) {
    this.projectRoot = projectRoot;
    this.out = out;
  }

  int run(List<String> args) {
    if (args.isEmpty() || !args.getFirst().equals("verify")) {
      throw new UsageException("audit needs the action verify\n" + USAGE);
    }
    Options options = Options.parse(args.subList(1, args.size()), Set.of("--endpoint"), Set.of(), USAGE);
    try (LocalDeployment local = LocalRecords.open(projectRoot, options, out)) {
      AuditVerifier.Result result = verify(local);
      if (result.intact()) {
        out.println("Audit trail verified: " + result.recordsChecked() + " access records, every hash and link holds.");
        return 0;
      }
      out.println("Audit trail BROKEN after checking " + result.recordsChecked() + " records: " + result.firstBroken().get());
      return 1;
    }
  }

  static AuditVerifier.Result verify(LocalDeployment local) {
    return new AuditVerifier(new AuditTrail(local.clients().dynamoDb(), local.physicalId("ReportsTable"))).verify();
  }
}
