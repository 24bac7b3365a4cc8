package io.qualityhub.core.store;

import io.qualityhub.core.events.FileCurrentEvent;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Intake's pointer to each uploaded file's current generation ({@code FILE#{fileId}} / {@code CURRENT}), read by
 * the consumers of file events: SQS may deliver an event late, after a newer upload of the same file replaced its
 * generation, and such an event must change nothing (the newer generation's own event carries the file).
 */
public final class CurrentFiles {

  private final DynamoDbClient dynamoDb;
  private final String table;

  public CurrentFiles(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  /** The file's {@code CURRENT} item while the event's generation is still current; empty once it was replaced. */
  public Optional<Map<String, AttributeValue>> ifCurrent(FileCurrentEvent event) {
    Map<String, AttributeValue> current = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
        .key(Map.of(ItemKeys.PK, AttributeValue.fromS(ItemKeys.filePk(event.fileId())),
            ItemKeys.SK, AttributeValue.fromS(ItemKeys.CURRENT_SK)))).item();
    if (current == null || current.isEmpty() || !event.generation().equals(current.get("generation").s())) {
      return Optional.empty();
    }
    return Optional.of(current);
  }
}
