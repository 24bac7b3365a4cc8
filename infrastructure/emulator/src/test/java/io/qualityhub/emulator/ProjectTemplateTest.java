package io.qualityhub.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;

/** The project's own template.yaml, applied to the emulator as local runs apply it. */
class ProjectTemplateTest {

    private static final Path TEMPLATE = Path.of("../../template.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalEmulator emulator;
    private static EmulatorClients clients;
    private static TemplateBootstrap.Result result;

    @BeforeAll
    static void applyProjectTemplate() {
        Assumptions.assumeTrue(Files.exists(TEMPLATE), "no template.yaml at the project root yet");
        emulator = LocalEmulator.startOrConnect(Path.of("../.."));
        clients = EmulatorClients.of(emulator);
        result = clients.bootstrap().template(TEMPLATE).parameter("Stage", "local").build().apply();
        // The surefire output file is where a person looks for what the emulator lacks.
        result.skipped().forEach(skipped -> System.out.println("skipped " + skipped));
        result.notes().forEach(note -> System.out.println("note " + note));
    }

    @AfterAll
    static void stopEmulator() {
        if (emulator != null) {
            clients.close();
            emulator.close();
        }
    }

    @Test
    void givesTheIntakeFunctionTheNamesOfWhatWasCreated() {
        Map<String, String> environment = result.functionEnvironments().get("IntakeFunction");
        assertEquals(result.physicalIds().get("RecordsTable"), environment.get("RECORDS_TABLE"));
        assertEquals(result.physicalIds().get("IntakeBucket"), environment.get("INTAKE_BUCKET"));
        assertEquals(result.attribute("DataKey", "Arn"), environment.get("DATA_KEY_ARN"));
        assertEquals(result.attribute("IndexKey", "Arn"), environment.get("INDEX_KEY_ARN"));
    }

    @Test
    void createsTheRecordsTableWithItsIndexes() {
        List<GlobalSecondaryIndexDescription> indexes = clients.dynamoDb()
                .describeTable(b -> b.tableName(result.physicalIds().get("RecordsTable"))).table().globalSecondaryIndexes();
        assertEquals(List.of("ActionsByBranch", "ByIdNumber", "ByPhone", "DueIndex", "InspectionTasksByBranch", "InspectionsByBranch",
                "PeriodIndex"),
                indexes.stream().map(GlobalSecondaryIndexDescription::indexName).sorted().toList());
        assertEquals(List.of("action_closed_on", "action_due_on", "action_owner", "action_status", "inspected_record_type",
                "inspection_id", "severity", "versionMillis"), projected(indexes, "ActionsByBranch"));
        assertEquals(List.of("inspectedRecordType", "taskId", "verdict"), projected(indexes, "InspectionsByBranch"));
    }

    /** What an INCLUDE index copies besides keys: the reports' indexes copy no record's fields. */
    private static List<String> projected(List<GlobalSecondaryIndexDescription> indexes, String name) {
        Projection projection = indexes.stream().filter(index -> index.indexName().equals(name)).findFirst()
                .orElseThrow().projection();
        assertEquals(ProjectionType.INCLUDE, projection.projectionType(), name);
        return projection.nonKeyAttributes().stream().sorted().toList();
    }

    @Test
    void rawUploadsExpireAfterRawUploadRetentionDaysAndRejectsReportsAfterRecordRetentionDays() {
        String bucket = result.physicalIds().get("IntakeBucket");
        Map<String, software.amazon.awssdk.services.s3.model.LifecycleRule> rules = new java.util.HashMap<>();
        clients.s3().getBucketLifecycleConfiguration(b -> b.bucket(bucket)).rules().forEach(rule -> rules.put(rule.id(), rule));
        software.amazon.awssdk.services.s3.model.LifecycleRule raw = rules.get("ExpireRawUploads");
        assertEquals("incoming/", raw.filter().prefix());
        assertEquals(35, raw.expiration().days(), "current uploads");
        assertEquals(35, raw.noncurrentVersionExpiration().noncurrentDays(), "replaced uploads");
        software.amazon.awssdk.services.s3.model.LifecycleRule rejects = rules.get("ExpireRejectsReports");
        assertEquals("rejects/", rejects.filter().prefix());
        assertEquals(400, rejects.expiration().days());
        assertEquals(400, rejects.noncurrentVersionExpiration().noncurrentDays());
    }

    @Test
    void thePerimeterStatementsAreInTheTemplateButLeftOutOfTheEmulator() {
        // moto cannot evaluate their conditions: template rules QH.S3.6 and QH.S3.7 check them instead.
        assertTrue(result.notes().containsAll(List.of(
                "IntakeBucketPolicy (AWS::S3::BucketPolicy): statement DenyUploadsOutsideOwnBranchPrefix left out:"
                        + " moto cannot evaluate the conditions of a Deny.",
                "IntakeBucketPolicy (AWS::S3::BucketPolicy): statement DenyRawUploadReadsExceptFunctions left out:"
                        + " moto cannot evaluate the conditions of a Deny.")), result.notes().toString());
    }

    @Test
    void anUploadUnderIncomingReachesTheIntakeQueue() {
        String bucket = result.physicalIds().get("IntakeBucket");
        String queueUrl = result.physicalIds().get("IntakeQueue");
        String key = "incoming/TPE-01/2026-11-24/claims.csv";
        clients.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("claim_id\n1\n"));

        List<String> keys = new ArrayList<>();
        for (int attempt = 0; attempt < 10 && keys.isEmpty(); attempt++) {
            for (Message message : clients.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                JsonNode body = read(message.body());
                body.path("Records").forEach(record ->
                        keys.add(URLDecoder.decode(record.path("s3").path("object").path("key").asText(), StandardCharsets.UTF_8)));
                clients.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        assertEquals(List.of(key), keys);
    }

    @Test
    void applyingAgainKeepsEveryName() {
        TemplateBootstrap.Result again = clients.bootstrap().template(TEMPLATE).parameter("Stage", "local").build().apply();
        assertEquals(result.physicalIds(), again.physicalIds());
        assertEquals(result.functionEnvironments(), again.functionEnvironments());
        assertTrue(result.physicalIds().keySet().containsAll(List.of("DataKey", "IndexKey", "ReportsKey", "InfraKey",
                "AccessLogBucket", "IntakeBucket", "IntakeQueue", "IntakeDeadLetterQueue", "RecordsTable")), result.physicalIds().toString());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
