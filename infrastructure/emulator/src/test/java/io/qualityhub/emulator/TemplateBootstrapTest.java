package io.qualityhub.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class TemplateBootstrapTest {

    private static final Path TEMPLATE = Path.of("src/test/resources/bootstrap-test-template.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "123456789012";
    /** The operations that only read: what finding a deployment may call. */
    private static final Pattern READ = Pattern.compile("(Get|Describe|List|Head)[A-Za-z]*");
    private static final String INTAKE_BUCKET = "qualityhub-test-intake-" + ACCOUNT;

    private static LocalEmulator emulator;
    private static EmulatorClients clients;
    private static TemplateBootstrap.Result result;

    @BeforeAll
    static void applyTemplate() {
        emulator = LocalEmulator.startOrConnect(Path.of("."));
        clients = EmulatorClients.of(emulator);
        result = bootstrap().apply();
    }

    @AfterAll
    static void stopEmulator() {
        clients.close();
        emulator.close();
    }

    private static TemplateBootstrap bootstrap() {
        return clients.bootstrap().template(TEMPLATE).build();
    }

    @Test
    void namesResourcesAfterStackAndLogicalIdUnlessTheTemplateNamesThem() {
        assertEquals(INTAKE_BUCKET, result.physicalIds().get("IntakeBucket"));
        assertEquals("qualityhub-test-accesslogbucket", result.physicalIds().get("AccessLogBucket"));
        assertEquals("qualityhub-test-records", result.physicalIds().get("RecordsTable"));
        assertEquals("qualityhub-test-intake", queueName(result.physicalIds().get("IntakeQueue")));
        assertEquals("qualityhub-test-DeadLetterQueue", queueName(result.physicalIds().get("DeadLetterQueue")));
        assertEquals("alias/qualityhub-test-data", result.physicalIds().get("DataKeyAlias"));
        assertEquals("arn:aws:sqs:us-east-1:" + ACCOUNT + ":qualityhub-test-intake", result.attribute("IntakeQueue", "Arn"));
        assertEquals("arn:aws:s3:::" + INTAKE_BUCKET, result.attribute("IntakeBucket", "Arn"));
    }

    @Test
    void findingOnlyAnswersTheSameNamesAsTheRunThatCreatedThem() {
        TemplateBootstrap.Result found = clients.bootstrap().template(TEMPLATE).createMissing(false).build().apply();
        assertEquals(result.physicalIds(), found.physicalIds());
        assertEquals(result.attributes(), found.attributes());
        assertEquals(result.functionEnvironments(), found.functionEnvironments());
    }

    @Test
    void findingOnlyReadsWhereApplyingAgainWrites() {
        List<String> applying = new ArrayList<>();
        try (EmulatorClients recorded = EmulatorClients.of(emulator, applying::add)) {
            recorded.bootstrap().template(TEMPLATE).build().apply();
        }
        List<String> finding = new ArrayList<>();
        try (EmulatorClients recorded = EmulatorClients.of(emulator, finding::add)) {
            recorded.bootstrap().template(TEMPLATE).createMissing(false).build().apply();
        }

        assertTrue(applying.stream().anyMatch(operation -> !READ.matcher(operation).matches()), applying::toString);
        assertEquals(List.of(), finding.stream().filter(operation -> !READ.matcher(operation).matches()).toList());
        assertTrue(finding.size() < applying.size() / 2, () -> "finding " + finding + "; applying " + applying);
    }

    @Test
    void findingOnlyAStageThatWasNeverCreatedNamesWhatIsMissingAndCreatesNothing() {
        Set<String> tablesBefore = Set.copyOf(clients.dynamoDb().listTables().tableNames());
        Set<String> bucketsBefore = clients.s3().listBuckets().buckets().stream().map(b -> b.name()).collect(Collectors.toSet());
        int keysBefore = clients.kms().listKeys().keys().size();
        int queuesBefore = clients.sqs().listQueues().queueUrls().size();

        ResourceMissingException missing = assertThrows(ResourceMissingException.class,
                () -> clients.bootstrap().template(TEMPLATE).parameter("Stage", "absent").createMissing(false).build().apply());

        assertEquals("qualityhub-absent", missing.stackName());
        assertTrue(missing.getMessage().startsWith("stack qualityhub-absent is not on this endpoint: "), missing.getMessage());
        assertEquals(tablesBefore, Set.copyOf(clients.dynamoDb().listTables().tableNames()));
        assertEquals(bucketsBefore, clients.s3().listBuckets().buckets().stream().map(b -> b.name()).collect(Collectors.toSet()));
        assertEquals(keysBefore, clients.kms().listKeys().keys().size());
        assertEquals(queuesBefore, clients.sqs().listQueues().queueUrls().size());
    }

    @Test
    void createsTheKeyWithRotationAndPointsTheAliasAtIt() {
        KeyMetadata key = clients.kms().describeKey(b -> b.keyId("alias/qualityhub-test-data")).keyMetadata();
        assertEquals(result.physicalIds().get("DataKey"), key.keyId());
        assertEquals(key.arn(), result.attribute("DataKey", "Arn"));
        assertEquals("QualityHub test data key", key.description());
        assertTrue(clients.kms().getKeyRotationStatus(b -> b.keyId(key.keyId())).keyRotationEnabled());
        JsonNode policy = readJson(clients.kms().getKeyPolicy(b -> b.keyId(key.keyId()).policyName("default")).policy());
        assertEquals("arn:aws:iam::" + ACCOUNT + ":role/qualityhub-test-IntakeFunctionRole",
                policy.path("Statement").path(1).path("Principal").path("AWS").asText());
    }

    @Test
    void createsTheIntakeQueueWithRedriveToTheDeadLetterQueue() {
        Map<String, String> attributes = queueAttributes(result.physicalIds().get("IntakeQueue"));
        assertEquals("120", attributes.get("VisibilityTimeout"));
        assertEquals(result.attribute("DataKey", "Arn"), attributes.get("KmsMasterKeyId"));
        JsonNode redrive = readJson(attributes.get("RedrivePolicy"));
        assertEquals(result.attribute("DeadLetterQueue", "Arn"), redrive.path("deadLetterTargetArn").asText());
        assertEquals(5, redrive.path("maxReceiveCount").asInt());
        JsonNode policy = readJson(attributes.get("Policy"));
        assertEquals("s3.amazonaws.com", policy.path("Statement").path(0).path("Principal").path("Service").asText());
        assertEquals("arn:aws:s3:::" + INTAKE_BUCKET,
                policy.path("Statement").path(0).path("Condition").path("ArnLike").path("aws:SourceArn").asText());
    }

    @Test
    void configuresTheIntakeBucket() {
        assertEquals("Enabled", clients.s3().getBucketVersioning(b -> b.bucket(INTAKE_BUCKET)).statusAsString());
        ServerSideEncryptionByDefault encryption = clients.s3().getBucketEncryption(b -> b.bucket(INTAKE_BUCKET))
                .serverSideEncryptionConfiguration().rules().get(0).applyServerSideEncryptionByDefault();
        assertEquals("aws:kms", encryption.sseAlgorithmAsString());
        assertEquals(result.attribute("DataKey", "Arn"), encryption.kmsMasterKeyID());
        assertEquals(14, clients.s3().getBucketLifecycleConfiguration(b -> b.bucket(INTAKE_BUCKET))
                .rules().get(0).noncurrentVersionExpiration().noncurrentDays());
        Map<String, String> tags = clients.s3().getBucketTagging(b -> b.bucket(INTAKE_BUCKET)).tagSet().stream()
                .collect(Collectors.toMap(t -> t.key(), t -> t.value()));
        assertEquals(Map.of("zone", "zone-b", "encoded", "cWg=", "top-folder", "incoming"), tags);
        assertEquals("qualityhub-test-accesslogbucket",
                clients.s3().getBucketLogging(b -> b.bucket(INTAKE_BUCKET)).loggingEnabled().targetBucket());
    }

    @Test
    void leavesOutTheConditionalDenyStatementsMotoWouldApplyUnconditionally() {
        JsonNode policy = readJson(clients.s3().getBucketPolicy(b -> b.bucket(INTAKE_BUCKET)).policy());
        List<String> sids = new ArrayList<>();
        policy.path("Statement").forEach(statement -> sids.add(statement.path("Sid").asText()));
        assertEquals(List.of("DenyBucketDeletion"), sids);
        assertTrue(result.notes().containsAll(List.of(
                "IntakeBucketPolicy (AWS::S3::BucketPolicy): statement DenyInsecureTransport left out:"
                        + " moto cannot evaluate the conditions of a Deny and serves plain HTTP.",
                "IntakeBucketPolicy (AWS::S3::BucketPolicy): statement DenyUnencryptedUploads left out:"
                        + " moto cannot evaluate the conditions of a Deny.")), result.notes().toString());
    }

    @Test
    void uploadsUnderIncomingReachTheIntakeQueue() {
        String queueUrl = result.physicalIds().get("IntakeQueue");
        clients.s3().putObject(b -> b.bucket(INTAKE_BUCKET).key("elsewhere/ignored.csv"), RequestBody.fromString("x"));
        String key = "incoming/TPE-01/2026-11-24/claims 1.csv";
        clients.s3().putObject(b -> b.bucket(INTAKE_BUCKET).key(key), RequestBody.fromString("claim_id\n1\n"));

        List<String> eventKeys = new ArrayList<>();
        for (int attempt = 0; attempt < 10 && eventKeys.isEmpty(); attempt++) {
            for (Message message : clients.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                JsonNode body = readJson(message.body());
                // moto announces a new notification configuration with an s3:TestEvent first.
                if (!"s3:TestEvent".equals(body.path("Event").asText())) {
                    body.path("Records").forEach(record -> eventKeys.add(record.path("eventName").asText() + " "
                            + URLDecoder.decode(record.path("s3").path("object").path("key").asText(), StandardCharsets.UTF_8)));
                }
                clients.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        assertEquals(List.of("ObjectCreated:Put " + key), eventKeys);
    }

    @Test
    void createsTheTableWithKeysIndexesAndSettings() {
        TableDescription table = clients.dynamoDb().describeTable(b -> b.tableName("qualityhub-test-records")).table();
        assertEquals("[KeySchemaElement(AttributeName=pk, KeyType=HASH), KeySchemaElement(AttributeName=sk, KeyType=RANGE)]",
                table.keySchema().toString());
        Map<String, String> indexes = new LinkedHashMap<>();
        for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
            indexes.put(index.indexName(), index.keySchema().stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString())
                    .collect(Collectors.joining(",")) + " " + index.projection().projectionTypeAsString()
                    + index.projection().nonKeyAttributes());
        }
        assertEquals(Map.of("ByIdNumber", "idHash:HASH KEYS_ONLY[]", "DueIndex", "dueDate:HASH,sk:RANGE INCLUDE[status]"), indexes);
        assertEquals("PAY_PER_REQUEST", table.billingModeSummary().billingModeAsString());
        assertEquals("ENABLED", table.sseDescription().statusAsString());
        assertEquals("NEW_AND_OLD_IMAGES", table.streamSpecification().streamViewTypeAsString());
        assertEquals(table.latestStreamArn(), result.attribute("RecordsTable", "StreamArn"));
        assertFalse(table.deletionProtectionEnabled());
        assertEquals("ENABLED", clients.dynamoDb().describeContinuousBackups(b -> b.tableName("qualityhub-test-records"))
                .continuousBackupsDescription().pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString());
        var ttl = clients.dynamoDb().describeTimeToLive(b -> b.tableName("qualityhub-test-records")).timeToLiveDescription();
        assertEquals("ENABLED expiresAt", ttl.timeToLiveStatusAsString() + " " + ttl.attributeName());
        assertTrue(result.notes().contains("RecordsTable (AWS::DynamoDB::Table): ContributorInsightsSpecification is not applied by the local bootstrap."),
                result.notes().toString());
    }

    @Test
    void createsTheTopicWithItsSubscriptionsAndPolicy() {
        String topicArn = result.physicalIds().get("AlertTopic");
        assertEquals("arn:aws:sns:us-east-1:" + ACCOUNT + ":qualityhub-test-AlertTopic", topicArn);
        Map<String, String> attributes = clients.sns().getTopicAttributes(b -> b.topicArn(topicArn)).attributes();
        assertEquals("alias/qualityhub-test-data", attributes.get("KmsMasterKeyId"));
        assertEquals("events.amazonaws.com", readJson(attributes.get("Policy")).path("Statement").path(0).path("Principal").path("Service").asText());
        Set<String> endpoints = new TreeSet<>();
        clients.sns().listSubscriptionsByTopic(b -> b.topicArn(topicArn)).subscriptions().forEach(s -> endpoints.add(s.endpoint()));
        assertEquals(new TreeSet<>(Set.of(result.attribute("AlertQueue", "Arn"), result.attribute("DeadLetterQueue", "Arn"))), endpoints);
        String rawDelivery = clients.sns().getSubscriptionAttributes(b -> b.subscriptionArn(result.physicalIds().get("AlertDeadLetterSubscription")))
                .attributes().get("RawMessageDelivery");
        assertEquals("true", rawDelivery);
    }

    @Test
    void skipsWhatTheEmulatorDoesNotHostAndWhatConditionsExclude() {
        Map<String, String> skipped = new LinkedHashMap<>();
        result.skipped().forEach(s -> skipped.put(s.logicalId(), s.type() + ": " + s.reason()));
        assertEquals(Map.of(
                "ProdOnlyQueue", "AWS::SQS::Queue: condition IsProd is false",
                "IntakeFunction", "AWS::Serverless::Function: functions are not deployed to the emulator; their environment is in functionEnvironments()",
                "IntakeFunctionLogGroup", "AWS::Logs::LogGroup: the local bootstrap does not create this type",
                "NightlySchedule", "AWS::Events::Rule: the local bootstrap does not create this type"), skipped);
        assertFalse(result.physicalIds().containsKey("ProdOnlyQueue"));
    }

    @Test
    void keepsThePermissionResourcesResolvedAsTheTemplateWouldOnAws() {
        TemplateBootstrap.ResolvedResource policy = result.resolvedResources().get("AccessLogBucketPolicy");
        assertEquals("AWS::S3::BucketPolicy", policy.type());
        assertEquals("qualityhub-test-accesslogbucket", policy.properties().path("Bucket").asText());
        assertEquals("arn:aws:s3:::qualityhub-test-accesslogbucket/*",
                policy.properties().path("PolicyDocument").path("Statement").path(0).path("Resource").asText());
        TemplateBootstrap.ResolvedResource key = result.resolvedResources().get("DataKey");
        assertEquals(java.util.Optional.of(result.attribute("DataKey", "Arn")), key.arn());
        assertTrue(key.arn().orElseThrow().endsWith(":key/" + key.ref()), "Ref of a key is its id: " + key);
        assertEquals(java.util.Optional.of("arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:/aws/lambda/qualityhub-test-intake:*"),
                result.resolvedResources().get("IntakeFunctionLogGroup").arn(), "a stand-in for what moto does not host");
        assertEquals("qualityhub-test-records", result.resolvedResources().get("IntakeFunction").properties()
                .path("Environment").path("Variables").path("RECORDS_TABLE").asText());
        assertEquals(ACCOUNT, result.accountId());
        assertFalse(result.resolvedResources().containsKey("ProdOnlyQueue"), "a resource its condition leaves out");
    }

    @Test
    void resolvesFunctionEnvironmentsToThePhysicalNames() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("STAGE", "test");
        expected.put("LOG_LEVEL", "DEBUG");
        expected.put("RECORDS_TABLE", "qualityhub-test-records");
        expected.put("INTAKE_BUCKET", INTAKE_BUCKET);
        expected.put("INTAKE_QUEUE_URL", result.physicalIds().get("IntakeQueue"));
        expected.put("DATA_KEY_ARN", result.attribute("DataKey", "Arn"));
        expected.put("ALERT_TOPIC_ARN", result.physicalIds().get("AlertTopic"));
        expected.put("ROLE_ARN", "arn:aws:iam::" + ACCOUNT + ":role/qualityhub-test-IntakeFunctionRole");
        expected.put("RETENTION_DAYS", "14");
        expected.put("GREETING", "hello, ${Stage} is test");
        assertEquals(expected, result.functionEnvironments().get("IntakeFunction"));
    }

    @Test
    void applyingAgainReusesEverythingAndReturnsTheSameNames() {
        int keys = clients.kms().listKeys().keys().size();
        int queues = clients.sqs().listQueues().queueUrls().size();
        int subscriptions = clients.sns().listSubscriptions().subscriptions().size();

        TemplateBootstrap.Result again = bootstrap().apply();

        assertEquals(result.physicalIds(), again.physicalIds());
        assertEquals(result.attributes(), again.attributes());
        assertEquals(result.functionEnvironments(), again.functionEnvironments());
        assertEquals(keys, clients.kms().listKeys().keys().size());
        assertEquals(queues, clients.sqs().listQueues().queueUrls().size());
        assertEquals(subscriptions, clients.sns().listSubscriptions().subscriptions().size());
    }

    @Test
    void refusesToRunWithoutAClientTheTemplateNeeds() {
        TemplateBootstrap withoutSns = TemplateBootstrap.builder().template(TEMPLATE)
                .s3(clients.s3()).sqs(clients.sqs()).dynamoDb(clients.dynamoDb()).kms(clients.kms()).build();
        IllegalStateException error = assertThrows(IllegalStateException.class, withoutSns::apply);
        assertEquals("The template declares AlertTopic (AWS::SNS::Topic) but TemplateBootstrap was built without the client it needs:"
                + " call sns(SnsClient) on the builder.", error.getMessage());
    }

    private static String queueName(String queueUrl) {
        String path = URI.create(queueUrl).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static Map<String, String> queueAttributes(String queueUrl) {
        return clients.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.ALL))
                .attributesAsStrings();
    }

    private static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
