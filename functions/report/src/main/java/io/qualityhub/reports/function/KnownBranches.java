package io.qualityhub.reports.function;

import io.qualityhub.core.store.ItemKeys;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Every branch that ever sent a file, as intake lists them ({@link ItemKeys#BRANCHES_PK} in the records table):
 * company reports ask each of them for its inspections and corrective actions, so a branch that has gone quiet
 * keeps its open actions in view.
 */
final class KnownBranches {

  private final DynamoDbClient dynamoDb;
  private final String table;

  KnownBranches(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  Set<String> branches() {
    QueryRequest query = QueryRequest.builder().tableName(table)
        .keyConditionExpression("pk = :branches")
        .expressionAttributeValues(Map.of(":branches", AttributeValue.fromS(ItemKeys.BRANCHES_PK)))
        .projectionExpression("sk")
        .build();
    Set<String> branches = new TreeSet<>();
    dynamoDb.queryPaginator(query).items().forEach(item -> branches.add(item.get(ItemKeys.SK).s()));
    return branches;
  }
}
