package io.qualityhub.sampling.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.events.FileCurrentEvent;
import io.qualityhub.core.store.ItemSeal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

class FindingsHandlerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SAMPLE = "../../events/sampling/sqs-findings-file-current.json";

  @Test
  void theSampleEventReadsAsTheFileEventIntakePublished() throws Exception {
    JsonNode sample = JSON.readTree(Files.readString(Path.of(SAMPLE)));

    FileCurrentEvent event = FileCurrentEvent.fromQueueMessage(sample.get("Records").get(0).get("body").asText());

    assertEquals("incoming/QA/2026-11-23/findings.csv", event.objectKey());
    assertEquals("3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY", event.versionId());
  }

  /**
   * The handler takes each message on its own: the sample's message reaches the service (its first request asks
   * whether the file is still current) and a message that cannot be a findings file event is reported failed
   * without any request. AWS refuses every request here, so each message fails and is reported by its own id.
   */
  @Test
  void eachMessageIsHandedToTheServiceAndEachFailureIsReportedByItsMessageId() throws Exception {
    JsonNode sample = JSON.readTree(Files.readString(Path.of(SAMPLE))).get("Records").get(0);
    List<Object> requests = new ArrayList<>();
    ExecutionInterceptor refuseAll = new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        requests.add(context.request());
        throw new IllegalStateException("AWS is not reachable in this test");
      }
    };
    AwsClients clients = AwsClients.forEndpoint(URI.create("http://127.0.0.1:9"), Region.AP_NORTHEAST_1)
        .withInterceptors(refuseAll);
    FindingsHandler handler = new FindingsHandler(new Settings(Map.of("RECORDS_TABLE", "records-table",
        "INFRA_KEY_ARN", "arn:aws:kms:ap-northeast-1:123456789012:key/infra")), clients,
        (settings, unused) -> new ItemSeal("records-table", new byte[32]), refused -> { throw refused; });

    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(
        message("not-json", "{\"fileId\":"),
        message("sample", sample.get("body").asText()),
        message("claims-file", sample.get("body").asText()
            .replace("findings", "claims").replace("incoming/QA/", "incoming/TPE-01/").replace("QA#", "TPE-01#")
            .replace("\"branch\":\"QA\"", "\"branch\":\"TPE-01\""))));
    SQSBatchResponse response = handler.handleRequest(event, null);

    assertEquals(List.of("not-json", "sample", "claims-file"),
        response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
    assertEquals(1, requests.size(), "only the findings file's message reaches AWS: " + requests);
    GetItemRequest current = (GetItemRequest) requests.getFirst();
    assertEquals("records-table", current.tableName());
    assertEquals("FILE#QA#findings#2026-11-23", current.key().get("pk").s());
    assertEquals("CURRENT", current.key().get("sk").s());
  }

  private static SQSEvent.SQSMessage message(String id, String body) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId(id);
    message.setBody(body);
    return message;
  }
}
