package io.qualityhub.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** AWS::DynamoDB::Table. */
final class DynamoDbProvisioner implements ResourceProvisioner {

    static final String TABLE = "AWS::DynamoDB::Table";
    private static final int MAX_TABLE_NAME = 255;

    private final DynamoDbClient dynamoDb;

    DynamoDbProvisioner(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    @Override
    public Set<String> types() {
        return Set.of(TABLE);
    }

    @Override
    public Set<String> appliedProperties(String type) {
        return Set.of("TableName", "AttributeDefinitions", "KeySchema", "GlobalSecondaryIndexes", "LocalSecondaryIndexes",
                "BillingMode", "ProvisionedThroughput", "SSESpecification", "StreamSpecification",
                "PointInTimeRecoverySpecification", "TimeToLiveSpecification", "DeletionProtectionEnabled", "TableClass", "Tags");
    }

    @Override
    public Optional<ProvisionedResource> find(Request request) {
        String table = tableName(request);
        TableDescription description = existing(table);
        if (description == null) {
            return Optional.empty();
        }
        requireSameShape(description, createRequest(table, request), request);
        return Optional.of(tableResource(description));
    }

    @Override
    public String describe(Request request) {
        return "DynamoDB table " + tableName(request);
    }

    private static String tableName(Request request) {
        String name = request.optionalText("TableName");
        return name != null ? name : request.context().stack().generatedName(request.logicalId(), MAX_TABLE_NAME);
    }

    @Override
    public ProvisionedResource provision(Request request) {
        JsonNode properties = request.properties();
        String table = tableName(request);
        CreateTableRequest wanted = createRequest(table, request);

        TableDescription description = existing(table);
        if (description == null) {
            dynamoDb.createTable(wanted);
            description = dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(table)).matched().response()
                    .orElseThrow(() -> new BootstrapException("Table " + table + " did not become visible after creation."))
                    .table();
        } else {
            requireSameShape(description, wanted, request);
            Boolean protection = wanted.deletionProtectionEnabled();
            if (protection != null && !protection.equals(description.deletionProtectionEnabled())) {
                dynamoDb.updateTable(b -> b.tableName(table).deletionProtectionEnabled(protection));
            }
        }

        JsonNode pitr = properties.path("PointInTimeRecoverySpecification");
        if (pitr.has("PointInTimeRecoveryEnabled")) {
            boolean enabled = Json.bool(pitr.get("PointInTimeRecoveryEnabled"));
            dynamoDb.updateContinuousBackups(b -> b.tableName(table)
                    .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(enabled)));
        }
        JsonNode ttl = properties.path("TimeToLiveSpecification");
        if (ttl.has("AttributeName") || ttl.has("Enabled")) {
            timeToLive(table, ttl.path("AttributeName").asText(), Json.bool(ttl.get("Enabled")));
        }

        return tableResource(description);
    }

    private static ProvisionedResource tableResource(TableDescription description) {
        String arn = description.tableArn();
        String streamArn = description.latestStreamArn();
        return new ProvisionedResource(description.tableName(), streamArn == null
                ? Map.of("Arn", arn)
                : Map.of("Arn", arn, "StreamArn", streamArn));
    }

    private TableDescription existing(String table) {
        try {
            return dynamoDb.describeTable(b -> b.tableName(table)).table();
        } catch (ResourceNotFoundException absent) {
            return null;
        }
    }

    /** UpdateTimeToLive refuses to repeat the current setting, so it is called only on a change. */
    private void timeToLive(String table, String attribute, boolean enabled) {
        var current = dynamoDb.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
        boolean currentlyEnabled = current.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                || current.timeToLiveStatus() == TimeToLiveStatus.ENABLING;
        if (currentlyEnabled == enabled && (!enabled || attribute.equals(current.attributeName()))) {
            return;
        }
        dynamoDb.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(s -> s.attributeName(attribute).enabled(enabled)));
    }

    /**
     * The bootstrap only creates tables; it does not migrate keys or indexes of one left by a
     * previous run with an older template.
     */
    private static void requireSameShape(TableDescription existing, CreateTableRequest wanted, Request request) {
        String existingKeys = existing.keySchema().toString();
        String wantedKeys = wanted.keySchema().toString();
        Set<String> existingIndexes = new TreeSet<>();
        existing.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName).forEach(existingIndexes::add);
        Set<String> wantedIndexes = new TreeSet<>();
        wanted.globalSecondaryIndexes().stream().map(GlobalSecondaryIndex::indexName).forEach(wantedIndexes::add);
        if (!existingKeys.equals(wantedKeys) || !existingIndexes.equals(wantedIndexes)) {
            throw new BootstrapException(request.where() + ": table " + wanted.tableName() + " already exists on the emulator with key schema "
                    + existingKeys + " and indexes " + existingIndexes + ", but the template wants " + wantedKeys + " and " + wantedIndexes
                    + ". Delete the table or reset the emulator (POST /moto-api/reset), then run again.");
        }
    }

    private static CreateTableRequest createRequest(String table, Request request) {
        JsonNode properties = request.properties();
        String where = request.where();
        CreateTableRequest.Builder create = CreateTableRequest.builder()
                .tableName(table)
                .attributeDefinitions(Json.list(request.required("AttributeDefinitions")).stream()
                        .map(d -> AttributeDefinition.builder().attributeName(d.path("AttributeName").asText())
                                .attributeType(d.path("AttributeType").asText()).build())
                        .toList())
                .keySchema(keySchema(request.required("KeySchema")))
                .billingMode(request.optionalText("BillingMode"))
                .provisionedThroughput(throughput(properties.get("ProvisionedThroughput"), where))
                .tableClass(request.optionalText("TableClass"))
                .deletionProtectionEnabled(properties.has("DeletionProtectionEnabled") ? Json.bool(properties.get("DeletionProtectionEnabled")) : null);
        List<GlobalSecondaryIndex> globalIndexes = new ArrayList<>();
        for (JsonNode index : Json.list(properties.get("GlobalSecondaryIndexes"))) {
            globalIndexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.path("IndexName").asText())
                    .keySchema(keySchema(index.get("KeySchema")))
                    .projection(projection(index.get("Projection")))
                    .provisionedThroughput(throughput(index.get("ProvisionedThroughput"), where))
                    .build());
        }
        if (!globalIndexes.isEmpty()) {
            create.globalSecondaryIndexes(globalIndexes);
        }
        List<LocalSecondaryIndex> localIndexes = new ArrayList<>();
        for (JsonNode index : Json.list(properties.get("LocalSecondaryIndexes"))) {
            localIndexes.add(LocalSecondaryIndex.builder()
                    .indexName(index.path("IndexName").asText())
                    .keySchema(keySchema(index.get("KeySchema")))
                    .projection(projection(index.get("Projection")))
                    .build());
        }
        if (!localIndexes.isEmpty()) {
            create.localSecondaryIndexes(localIndexes);
        }
        JsonNode sse = properties.path("SSESpecification");
        if (sse.has("SSEEnabled")) {
            create.sseSpecification(SSESpecification.builder()
                    .enabled(Json.bool(sse.get("SSEEnabled")))
                    .sseType(sse.has("SSEType") ? sse.get("SSEType").asText() : null)
                    .kmsMasterKeyId(sse.has("KMSMasterKeyId") ? sse.get("KMSMasterKeyId").asText() : null)
                    .build());
        }
        JsonNode stream = properties.path("StreamSpecification");
        if (stream.has("StreamViewType")) {
            create.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(stream.get("StreamViewType").asText()).build());
        }
        List<Tag> tags = Json.list(properties.get("Tags")).stream()
                .map(tag -> Tag.builder().key(tag.path("Key").asText()).value(tag.path("Value").asText()).build())
                .toList();
        if (!tags.isEmpty()) {
            create.tags(tags);
        }
        return create.build();
    }

    private static List<KeySchemaElement> keySchema(JsonNode schema) {
        return Json.list(schema).stream()
                .map(k -> KeySchemaElement.builder().attributeName(k.path("AttributeName").asText()).keyType(k.path("KeyType").asText()).build())
                .toList();
    }

    private static Projection projection(JsonNode projection) {
        if (projection == null) {
            return Projection.builder().projectionType("ALL").build();
        }
        List<String> nonKey = Json.list(projection.get("NonKeyAttributes")).stream().map(JsonNode::asText).toList();
        return Projection.builder()
                .projectionType(projection.path("ProjectionType").asText("ALL"))
                .nonKeyAttributes(nonKey.isEmpty() ? null : nonKey)
                .build();
    }

    private static ProvisionedThroughput throughput(JsonNode throughput, String where) {
        if (throughput == null) {
            return null;
        }
        return ProvisionedThroughput.builder()
                .readCapacityUnits(Json.longValue(throughput.get("ReadCapacityUnits"), where + ".ProvisionedThroughput"))
                .writeCapacityUnits(Json.longValue(throughput.get("WriteCapacityUnits"), where + ".ProvisionedThroughput"))
                .build();
    }
}
