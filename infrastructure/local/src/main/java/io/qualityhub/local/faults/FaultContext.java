package io.qualityhub.local.faults;

import io.qualityhub.local.LocalDeployment;
import io.qualityhub.core.store.BatchItemWriter;
import java.io.PrintStream;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import java.util.Locale;
import java.util.Objects;

/**
 * What every scenario shares: the one emulator deployment of the run, a token that makes this run's branch codes
 * unique on that emulator (so a second run against a long-lived emulator sees none of the first's data), and the
 * stream the functions log to (kept off the console, as Lambda sends it to CloudWatch).
 */
public final class FaultContext {

  private final LocalDeployment local;
  private final String token;
  private final PrintStream functionLog;
  private final boolean recovers;

  public FaultContext(LocalDeployment local, String token, PrintStream functionLog) {
    this(local, token, functionLog, true);
  }

  private FaultContext(LocalDeployment local, String token, PrintStream functionLog, boolean recovers) {
    this.recovers = recovers;
    this.local = Objects.requireNonNull(local, "local");
    if (!token.matches("[A-Z0-9]{1,6}")) {
      throw new IllegalArgumentException("the run token is 1-6 capital letters or digits, was " + token);
    }
    this.token = token;
    this.functionLog = functionLog;
  }

  /**
   * The same context, but the platform's recovery is left out: a failed SQS message is dropped instead of
   * redelivered, a failed scheduled run is not retried. Scenarios must then FAIL; tests use it to prove that their
   * checks can fail.
   */
  public FaultContext withoutRecovery() {
    return new FaultContext(local, token, functionLog, false);
  }

  /** Whether failed messages are redelivered and failed runs retried (always, outside tests). */
  public boolean recovers() {
    return recovers;
  }

  public LocalDeployment local() {
    return local;
  }

  public String token() {
    return token;
  }

  public PrintStream functionLog() {
    return functionLog;
  }

  /**
   * Removes from the records table every item of this run's branches. Called after each scenario: moto copies a
   * whole table for each item of a transaction, so a table that only grew would make every later scenario slower.
   */
  public int cleanUp() {
    String table = local.physicalId("RecordsTable");
    DynamoDbClient dynamoDb = local.clients().dynamoDb();
    int removed = 0;
    try (BatchItemWriter writer = new BatchItemWriter(dynamoDb, table)) {
      for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(request -> request.tableName(table)
          .projectionExpression("pk, sk").filterExpression("contains(pk, :run)")
          .expressionAttributeValues(Map.of(":run", AttributeValue.fromS("#F" + token + "-")))).items()) {
        writer.delete(Map.of("pk", item.get("pk"), "sk", item.get("sk")));
        removed++;
      }
    }
    return removed;
  }

  /** A branch code of this run's own: {@code F{token}-{code}}, at most 16 characters as upload keys allow. */
  public String branch(String code) {
    String branch = ("F" + token + "-" + code).toUpperCase(Locale.ROOT);
    if (!branch.matches("[A-Z0-9-]{2,16}")) {
      throw new IllegalArgumentException("branch code " + branch + " is not one upload keys allow");
    }
    return branch;
  }
}
