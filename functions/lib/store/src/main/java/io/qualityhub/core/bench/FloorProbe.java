package io.qualityhub.core.bench;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * B0, the floor a function's cold start is compared with ({@code ./qualityhub bench coldstart}): a function that only
 * builds a DynamoDB client and completes one BatchWriteItem. It runs from each function's own artifact, in a fresh
 * JVM with Lambda's flags, so the difference to the function is what the function itself adds. Region, credentials
 * and endpoint come from the environment, as on Lambda. Argument: the table to write one item to (string keys
 * {@code pk}, {@code sk}). Prints {@code constructed_ms=N
 * first_invocation_done_ms=N} in JVM uptime and {@code cpu_ms=N}, the process's CPU time at the end of the
 * invocation.
 */
public final class FloorProbe {

  private FloorProbe() {}

  public static void main(String[] args) {
    String table = args[0];
    DynamoDbClient dynamoDb = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    long constructed = System.nanoTime();
    BatchWriteItemResponse response = dynamoDb.batchWriteItem(request -> request.requestItems(Map.of(table,
        List.of(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
            "pk", AttributeValue.fromS("B0"), "sk", AttributeValue.fromS(Long.toString(System.nanoTime())))).build())
            .build()))));
    long invoked = System.nanoTime();
    long cpu = ProbeClock.processCpuMillis();
    if (response.hasUnprocessedItems() && !response.unprocessedItems().isEmpty()) {
      throw new IllegalStateException("the B0 probe's item was not written: " + response.unprocessedItems());
    }
    long[] millis = ProbeClock.ofPoints(constructed, invoked);
    System.out.println("constructed_ms=" + millis[0] + " first_invocation_done_ms=" + millis[1] + " cpu_ms=" + cpu);
  }
}
