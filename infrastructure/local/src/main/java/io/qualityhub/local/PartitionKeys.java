package io.qualityhub.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.qualityhub.emulator.TemplateBootstrap;
import java.util.HashMap;
import java.util.Map;

/** The partition key attribute of each table and index the bootstrap created: what dynamodb:LeadingKeys reads. */
final class PartitionKeys {

  private PartitionKeys() {
  }

  /** By physical table name, and by {@code table/index/name} for each secondary index. */
  static Map<String, String> of(TemplateBootstrap.Result bootstrap) {
    Map<String, String> keys = new HashMap<>();
    bootstrap.resolvedResources().forEach((logicalId, resource) -> {
      if (!resource.type().equals("AWS::DynamoDB::Table")) {
        return;
      }
      String table = bootstrap.physicalIds().get(logicalId);
      JsonNode properties = resource.properties();
      keys.put(table, hashKey(properties.path("KeySchema")));
      for (String indexes : new String[] {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"}) {
        for (JsonNode index : properties.path(indexes)) {
          keys.put(table + "/index/" + index.path("IndexName").asText(), hashKey(index.path("KeySchema")));
        }
      }
    });
    return keys;
  }

  private static String hashKey(JsonNode keySchema) {
    for (JsonNode element : keySchema) {
      if (element.path("KeyType").asText().equals("HASH")) {
        return element.path("AttributeName").asText();
      }
    }
    throw new IllegalStateException("a key schema without a HASH key: " + keySchema);
  }
}
