package io.qualityhub.local;

import io.qualityhub.core.config.Settings;
import io.qualityhub.core.store.BlindIndexedColumn;
import io.qualityhub.core.store.CustomerErasure;
import io.qualityhub.core.store.ErasureResult;
import io.qualityhub.reports.function.ErasureRequest;
import io.qualityhub.reports.function.ErasureResponse;
import io.qualityhub.reports.function.ErasureService;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * {@code ./qualityhub erase --id-no VALUE [--phone VALUE]}: one customer's erasure request
 * (docs/operations/erasure.md). On a deployed stack ({@code --stack}) it invokes the stack's ErasureFunction, whose
 * role alone may rewrite raw uploads and re-seal states; the caller needs only to invoke it. Locally it runs the
 * function's service with the function's environment. Either way the request, with the caller's identity, is on the
 * audit trail. The values given are never printed.
 */
final class EraseCommand {

  static final String USAGE = "usage: qualityhub erase --id-no VALUE [--phone VALUE] [--data-key ARN] " + AwsTarget.USAGE;
  static final String FUNCTION = "ErasureFunction";
  /** Longer than the function's timeout (template.yaml): a synchronous invocation answers when the function ends. */

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
      CliAudit.Principal caller = CliAudit.principal(local);
      ErasureRequest request = new ErasureRequest(identifiers, caller.who(), caller.role());
      ErasureResult result = local.functionsRunLocally() ? eraseLocally(local, options, request) : invoke(local, options, request);
      out.println("Erasure " + result.requestId() + (result.resumed() ? " (resumed)" : "") + " at " + result.erasedAt() + ": "
          + result.itemsErased() + " stored rows erased (sensitive values replaced by " + CustomerErasure.MARKER
          + ", blind-index terms removed); " + result.linkedItemsErased() + " linked rows' free text erased; "
          + result.statesCleaned() + " state items cleaned.");
      if (result.itemsFailingIntegrity() > 0) {
        out.println("WARNING: " + result.itemsFailingIntegrity() + " of them had already failed their integrity check;"
            + " they were erased but stay flagged. Investigate who changed them.");
      }
      out.println("Recorded as ERASURE#" + result.requestId() + " in " + LocalRecords.table(local)
          + " (item keys and counts only) and on the audit trail.");
      out.println("Uploads: " + result.uploadsRewritten() + " rewritten without the customer's rows, "
          + result.uploadVersionsDeleted() + " versions holding them deleted.");
      if (!result.uploadsHoldingValues().isEmpty()) {
        out.println("These uploads still hold values in clear (see docs/operations/erasure.md):");
        result.uploadsHoldingValues().forEach(upload -> out.println("  " + upload));
      }
      if (!result.completed()) {
        out.println("NOT COMPLETE: intake has not taken the rewritten uploads yet; run the same erase again"
            + (local.functionsRunLocally() ? "" : " in a minute") + ":");
        result.uploadsAwaitingIntake().forEach(upload -> out.println("  " + upload));
        return 3;
      }
      return 0;
    }
  }

  /**
   * The erasure function's service, run here with the function's environment and the caller's credentials; a
   * missing or unreadable blind-index key fails the command (exit status 3): it never silently erases nothing.
   */
  private ErasureResult eraseLocally(LocalDeployment local, Options options, ErasureRequest request) {
    Map<String, String> environment = local.functionEnvironment(FUNCTION);
    String dataKeyArn = LocalRecords.dataKeyArn(local, options);
    environment.put("DATA_KEY_ARN", dataKeyArn);
    ErasureService service = ErasureService.of(new Settings(environment), local.clientsFor(FUNCTION), Clock.systemUTC(),
        () -> deliverIntakeLocally(local), failure -> { }, CliAudit.SOURCE, "qualityhub erase");
    try {
      return LocalService.invoke(FUNCTION, () -> service.erase(request));
    } catch (KmsException e) {
      throw LocalRecords.unwrapRefused(dataKeyArn, e);
    }
  }

  /** A synchronous invocation of the stack's erasure function; its failure is said as the function said it. */
  private static ErasureResult invoke(LocalDeployment local, Options options, ErasureRequest request) {
    if (options.value("--data-key").isPresent()) {
      throw new UsageException("--data-key applies to the local emulator only: the stack's erasure function uses its own"
          + " DATA_KEY_ARN (docs/operations/key-rotation.md)\n" + USAGE);
    }
    return ErasureResponse.result(MaintenanceFunctions.invokeOnStack(local, FUNCTION, request.toEvent()));
  }

  /**
   * Locally, intake runs only when its queue is delivered: the rewritten uploads' notifications are taken here, as
   * the Lambda would take them on AWS. Its log goes nowhere (it never holds values, but is not wanted on the console).
   * On a deployed stack the intake function takes them by itself, and the next run of erase finds them taken.
   */
  private static void deliverIntakeLocally(LocalDeployment local) {
    PrintStream functionLog = new PrintStream(java.io.OutputStream.nullOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8);
    new QueueDelivery(local.clients().configure(software.amazon.awssdk.services.sqs.SqsClient.builder()).build(),
        local.attribute("IntakeQueue", "QueueUrl"), local.attribute("IntakeQueue", "Arn"), local.clients().region().id(),
        functionLog)
        .drain(new io.qualityhub.intake.IntakeHandler(local.settingsOf("IntakeFunction"), local.clientsFor("IntakeFunction"),
            outcome -> { }), "IntakeFunction", 2);
  }
}
