package io.qualityhub.local.faults;

import static io.qualityhub.local.faults.Faults.failOn;
import static io.qualityhub.local.faults.Faults.once;

import io.qualityhub.intake.IntakeHandler;
import io.qualityhub.local.faults.IntakeRig.FileState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The crash matrix of intake: the function dies (an interceptor throws before the request leaves) at each point
 * where a file is half done, and after the redelivery the file's items (rows, states, file and batch records), its
 * rejects report and its file events equal, item by item, those of an uninterrupted run of the same uploads under a
 * twin branch (volatile attributes left out, see {@link IntakeRig#state}). Each scenario also checks that the
 * crash struck where it says, from what the crash left behind. The points before the first row, at a later batch
 * and before the switch are {@code crash-after-validation}, {@code crash-mid-writes} and {@code crash-before-current}
 * of {@link IntakeScenarios}. A crash between two state transactions needs a file of more than 99 claims
 * ({@code crash-between-state-transactions}).
 */
final class IntakeCrashMatrix {

  private static final String DATE = "2026-11-20";
  /** 58 accepted rows (every 25th is a reject): three batch writes of at most 25, 15 claims. */
  private static final int ROWS = 60;
  /** The re-upload keeps 10 of the 15 claims, so withdrawing the replaced rows deletes 5 claims' states. */
  private static final int REUPLOAD_ROWS = 40;
  private static final int REUPLOAD_CLAIMS = 10;
  /** 104 claims, one row each; rows 25, 50, 75 and 100 are rejects: 100 states, a transaction of 99 and one of 1. */
  private static final int CLAIMS_OVER_ONE_TRANSACTION = 104;

  private IntakeCrashMatrix() {}

  static List<FaultScenario> all() {
    return List.of(
        FaultScenario.of("crash-after-first-batch",
            "the function dies at the second of three batch writes (intake keeps three in flight, decision 0021, so the "
                + "others may land first): the half-written generation is never current, the redelivery stores the "
                + "file as an uninterrupted run does",
            context -> crashThenRedeliver(context, "KB", null, Data.paidClaims(ROWS, 0),
                failOn("BatchWriteItem", once(2), () -> new Faults.SimulatedCrash("at the second batch write")),
                (crashed, checks) -> checks
                    .that(!crashed.current(), "after the crash the file had no current generation")
                    .that(crashed.rows() >= 8 && crashed.rows() <= 58 - 8,
                        "rows written before the crash: one or two of the three batches (25 + 25 + 8 rows), was "
                            + crashed.rows()))),
        FaultScenario.of("crash-after-current",
            "the function dies right after making the generation current, before the rejects report and the states: "
                + "the redelivery finishes the file as an uninterrupted run does",
            context -> crashThenRedeliver(context, "KC", null, Data.paidClaims(ROWS, 0),
                failOn("PutObject", IntakeCrashMatrix::rejectsReport, once(1),
                    () -> new Faults.SimulatedCrash("after making the generation current")),
                (crashed, checks) -> checks
                    .that(crashed.current(), "after the crash the generation was current")
                    .equal(0L, states(crashed), "STATE items before the crash")
                    .equal(0, crashed.events().size(), "file events before the crash"))),
        FaultScenario.of("crash-mid-withdrawal",
            "a re-upload's function dies at the second batch of deletes of the replaced generation's rows: the "
                + "redelivery withdraws the rest, as an uninterrupted run of both uploads does",
            context -> crashThenRedeliver(context, "KW", Data.paidClaims(ROWS, 0),
                Data.paidClaims(REUPLOAD_ROWS, 5, REUPLOAD_CLAIMS),
                failOn("BatchWriteItem", IntakeCrashMatrix::deletes, once(2),
                    () -> new Faults.SimulatedCrash("between two batches of withdrawn rows")),
                (crashed, checks) -> checks
                    .that(crashed.current(), "after the crash the re-upload was current")
                    .equal(58L - 25, replacedRows(crashed), "replaced rows left after one batch of deletes"))),
        FaultScenario.of("crash-mid-withdrawn-states",
            "a re-upload that drops 5 claims: its function dies at the second of the 5 deletions of their states, "
                + "after every replaced row is gone; the redelivery deletes the rest, as an uninterrupted run does",
            context -> crashThenRedeliver(context, "KD", Data.paidClaims(ROWS, 0),
                Data.paidClaims(REUPLOAD_ROWS, 5, REUPLOAD_CLAIMS),
                failOn("DeleteItem", IntakeCrashMatrix::stateDeletion, once(2),
                    () -> new Faults.SimulatedCrash("between two withdrawn states")),
                (crashed, checks) -> checks
                    .equal(0L, replacedRows(crashed), "replaced rows left when the states are withdrawn")
                    .equal(14L, states(crashed), "STATE items: 10 kept, 4 of the 5 dropped claims' still there"))),
        FaultScenario.of("crash-between-state-transactions",
            "a file of 100 claims: the function dies between its two state transactions (99 states, then 1): the "
                + "redelivery writes the last state, as an uninterrupted run does",
            context -> crashThenRedeliver(context, "KT", null,
                Data.paidClaims(CLAIMS_OVER_ONE_TRANSACTION, 0, CLAIMS_OVER_ONE_TRANSACTION),
                failOn("TransactWriteItems", once(2), () -> new Faults.SimulatedCrash("between two state transactions")),
                (crashed, checks) -> checks
                    .that(crashed.current(), "after the crash the generation was current")
                    .equal(99L, states(crashed), "STATE items before the crash (one transaction)")
                    .equal(0, crashed.events().size(), "file events before the crash"))));
  }

  /**
   * Stores {@code previous} (when not null) cleanly, then {@code content} through a function with {@code crash};
   * redelivers until the queue is empty, and compares with the same uploads run uninterrupted under a twin branch.
   */
  private static Verdict crashThenRedeliver(FaultContext context, String code, byte[] previous, byte[] content,
      Faults.Injected crash, BiFunction<FileState, Checks, Checks> whereItStruck) {
    IntakeRig rig = new IntakeRig(context);
    String key = key(context.branch(code));
    String twin = key(context.branch(code + "C"));
    if (previous != null) {
      rig.clean(twin, previous);
      rig.clean(key, previous);
    }
    FileState truth = rig.clean(twin, content);
    rig.notify(rig.upload(key, content));
    IntakeHandler handler = rig.handler(crash);
    List<FileState> afterCrash = new ArrayList<>();
    QueueRun run = rig.deliver(QueueRun.of(event -> {
      var response = rig.invoke(handler, event);
      if (afterCrash.isEmpty() && !response.getBatchItemFailures().isEmpty()) {
        afterCrash.add(rig.state(key));
      }
      return response;
    }), 5);
    Checks checks = IntakeScenarios.storedOnce(rig, key, truth)
        .equal(1, crash.thrown(), "crashes")
        .equal(1, run.failuresOf(""), "failed deliveries");
    if (afterCrash.isEmpty()) {
      return checks.that(false, "no delivery failed, so the crash was not seen").verdict();
    }
    return whereItStruck.apply(afterCrash.getFirst(), checks).verdict();
  }

  private static long states(FileState state) {
    return state.items().keySet().stream().filter(item -> item.endsWith("|STATE")).count();
  }

  /** Row items of the replaced generation, {@code {gen:0}} after normalisation. */
  private static long replacedRows(FileState state) {
    return state.items().keySet().stream().filter(item -> item.startsWith("REC#") && item.contains("{gen:0}")).count();
  }

  private static boolean rejectsReport(SdkRequest request) {
    return request instanceof PutObjectRequest put && put.key().startsWith("rejects/");
  }

  private static boolean deletes(SdkRequest request) {
    return request instanceof BatchWriteItemRequest batch && batch.requestItems().values().stream()
        .flatMap(List::stream).anyMatch(write -> write.deleteRequest() != null);
  }

  private static boolean stateDeletion(SdkRequest request) {
    return request instanceof DeleteItemRequest delete && "STATE".equals(delete.key().get("sk").s());
  }

  private static String key(String branch) {
    return "incoming/" + branch + "/" + DATE + "/claims.csv";
  }
}
