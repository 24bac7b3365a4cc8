package io.qualityhub.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.emulator.LocalEmulator;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * SDK calls on the emulator become X-Ray subsegments at a stand-in daemon (a UDP socket), as they reach Lambda's
 * daemon: one per call, under the invocation's trace and segment, with what failed flagged, and never a value sent.
 */
class SdkCallTracingTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SAMPLED = "Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8;Sampled=1";
  private static final String PLANTED = "F123456782";

  private static LocalEmulator emulator;
  private DatagramSocket daemon;
  private DynamoDbClient dynamoDb;

  @BeforeAll
  static void startEmulator() {
    emulator = LocalEmulator.startOrConnect(Path.of("..", "..", "..").toAbsolutePath().normalize());
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @BeforeEach
  void daemonAndTracedClient() throws Exception {
    daemon = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    daemon.setSoTimeout(2_000);
    SdkCallTracing tracing = new SdkCallTracing(
        new XRayDaemon(new InetSocketAddress(InetAddress.getLoopbackAddress(), daemon.getLocalPort())), Clock.systemUTC());
    dynamoDb = AwsClients.forEndpoint(emulator.endpoint(), LocalEmulator.region()).withInterceptors(tracing).dynamoDb();
  }

  @AfterEach
  void close() {
    System.clearProperty(TraceHeader.RUNTIME_PROPERTY);
    dynamoDb.close();
    daemon.close();
  }

  @Test
  void eachCallOfASampledInvocationIsOneSubsegmentOfTheFunctionsSegment() throws Exception {
    System.setProperty(TraceHeader.RUNTIME_PROPERTY, SAMPLED);

    dynamoDb.listTables();
    assertThrows(ResourceNotFoundException.class, () -> dynamoDb.getItem(request -> request.tableName("no-such-table")
        .key(java.util.Map.of("pk", AttributeValue.fromS(PLANTED)))));

    List<String> datagrams = received(2);
    JsonNode listed = document(datagrams.get(0));
    assertEquals(List.of("subsegment", "1-67891233-abcdef012345678912345678", "53995c3f42cd8ad8", "DynamoDb", "aws",
            "ListTables", LocalEmulator.region().id(), "200"),
        List.of(listed.path("type").asText(), listed.path("trace_id").asText(), listed.path("parent_id").asText(),
            listed.path("name").asText(), listed.path("namespace").asText(), listed.path("aws").path("operation").asText(),
            listed.path("aws").path("region").asText(), listed.path("http").path("response").path("status").asText()));
    assertTrue(listed.path("id").asText().matches("[0-9a-f]{16}"), listed.toString());
    assertTrue(listed.path("end_time").asDouble() >= listed.path("start_time").asDouble(), listed.toString());
    assertTrue(!listed.path("aws").path("request_id").asText().isEmpty(), listed.toString());

    JsonNode refused = document(datagrams.get(1));
    assertEquals(List.of("GetItem", "400", "true"), List.of(refused.path("aws").path("operation").asText(),
        refused.path("http").path("response").path("status").asText(), refused.path("error").asText()));
    assertTrue(!datagrams.get(1).contains(PLANTED) && !datagrams.get(1).contains("no-such-table"),
        "no key, no table name in a trace: " + datagrams.get(1));
  }

  @Test
  void anUnsampledOrUntracedInvocationSendsNothing() throws Exception {
    System.setProperty(TraceHeader.RUNTIME_PROPERTY, SAMPLED.replace("Sampled=1", "Sampled=0"));
    dynamoDb.listTables();
    System.clearProperty(TraceHeader.RUNTIME_PROPERTY);
    dynamoDb.listTables();

    daemon.setSoTimeout(500);
    assertThrows(SocketTimeoutException.class, () -> daemon.receive(new DatagramPacket(new byte[65_536], 65_536)));
  }

  private List<String> received(int count) throws Exception {
    List<String> datagrams = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
      daemon.receive(packet);
      datagrams.add(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
    }
    return datagrams;
  }

  /** The document after the daemon protocol's header line, which every datagram must start with. */
  private static JsonNode document(String datagram) throws Exception {
    assertTrue(datagram.startsWith("{\"format\": \"json\", \"version\": 1}\n"), datagram);
    return JSON.readTree(datagram.substring(datagram.indexOf('\n') + 1));
  }
}
