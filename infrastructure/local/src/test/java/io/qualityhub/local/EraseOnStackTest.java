package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.emulator.LocalEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * {@code erase --stack NAME} invokes the stack's erasure function and reports what it answered. The stack is
 * created through the emulator's CloudFormation; the emulator runs no function code without Docker, so its Lambda
 * is switched to moto's simple backend, which answers each invocation with the answer queued for it (what the
 * function answers on AWS: ids and counts).
 */
class EraseOnStackTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final String STACK = "qualityhub-erasetest";
  private static final String FUNCTION = "qualityhub-erasetest-erasure";

  private static LocalEmulator emulator;

  @BeforeAll
  static void deployAStackWithTheErasureFunction() throws Exception {
    System.setProperty("qualityhub.root", ROOT.toString());
    emulator = LocalEmulator.startOrConnect(ROOT);
    AwsClients clients = AwsClients.forEndpoint(emulator.endpoint(), LocalEmulator.region());
    try (CloudFormationClient cloudFormation = clients.configure(CloudFormationClient.builder()).build()) {
      String body = Files.readString(Path.of("src/test/resources/erase-stack-template.yaml"));
      cloudFormation.createStack(request -> request.stackName(STACK).templateBody(body));
      cloudFormation.waiter().waitUntilStackCreateComplete(request -> request.stackName(STACK));
    }
    // moto's simple Lambda backend keeps functions of its own: the stack's function is created there too, same name.
    motoApi("/moto-api/config", "{\"lambda\": {\"use_docker\": false}}");
    String role = "arn:aws:iam::123456789012:role/" + physicalId("ErasureFunctionRole");
    SdkBytes jar = SdkBytes.fromByteArray(emptyJar());
    try (LambdaClient lambda = clients.configure(LambdaClient.builder()).build()) {
      lambda.createFunction(request -> request.functionName(FUNCTION).runtime("java21").role(role)
          .handler("io.qualityhub.reports.function.ErasureHandler::handleRequest").code(code -> code.zipFile(jar)));
    }
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void eraseInvokesTheStacksFunctionAndSaysWhatItDidNeverTheValue() throws Exception {
    queueAnswer("{\"requestId\":\"5e1f\",\"erasedAt\":\"2026-12-05T13:00:00Z\",\"completed\":false,\"resumed\":false,"
        + "\"itemsErased\":3,\"itemsFailingIntegrity\":0,\"linkedItemsErased\":1,\"statesCleaned\":0,\"uploadsRewritten\":2,"
        + "\"uploadVersionsDeleted\":0,\"uploadsHoldingValues\":[],"
        + "\"uploadsAwaitingIntake\":[\"incoming/TPE-01/2026-11-23/claims.csv\",\"incoming/TPE-01/2026-11-23/sales.csv\"]}");
    queueAnswer("{\"requestId\":\"5e1f\",\"erasedAt\":\"2026-12-05T13:00:00Z\",\"completed\":true,\"resumed\":true,"
        + "\"itemsErased\":3,\"itemsFailingIntegrity\":0,\"linkedItemsErased\":1,\"statesCleaned\":0,\"uploadsRewritten\":2,"
        + "\"uploadVersionsDeleted\":2,\"uploadsHoldingValues\":[],\"uploadsAwaitingIntake\":[]}");

    CommandLineTest.Run first = erase("--id-no", "A123456789", "--phone", "0912-345-678");
    assertEquals(3, first.status(), first.err());
    assertEquals(String.join("\n",
        "Erasure 5e1f at 2026-12-05T13:00:00Z: 3 stored rows erased (sensitive values replaced by ERASED, blind-index terms"
            + " removed); 1 linked rows' free text erased; 0 state items cleaned.",
        "Recorded as ERASURE#5e1f in " + physicalId("RecordsTable") + " (item keys and counts only) and on the audit trail.",
        "Uploads: 2 rewritten without the customer's rows, 0 versions holding them deleted.",
        "NOT COMPLETE: intake has not taken the rewritten uploads yet; run the same erase again in a minute:",
        "  incoming/TPE-01/2026-11-23/claims.csv",
        "  incoming/TPE-01/2026-11-23/sales.csv"), first.out().strip());

    CommandLineTest.Run second = erase("--id-no", "A123456789", "--phone", "0912-345-678");
    assertEquals(0, second.status(), second.err());
    assertTrue(second.out().startsWith("Erasure 5e1f (resumed) at 2026-12-05T13:00:00Z: 3 stored rows erased"), second.out());
    assertTrue(second.out().contains("Uploads: 2 rewritten without the customer's rows, 2 versions holding them deleted."),
        second.out());
    for (CommandLineTest.Run run : new CommandLineTest.Run[] {first, second}) {
      assertFalse((run.out() + run.err()).contains("A123456789") || (run.out() + run.err()).contains("0912"), run.out());
    }
  }

  @Test
  void aDataKeyIsRefusedOnAStackWhoseFunctionHasItsOwn() {
    CommandLineTest.Run run = erase("--id-no", "A123456789", "--data-key", "arn:aws:kms:ap-northeast-1:123456789012:key/x");
    assertEquals(2, run.status(), run.err());
    assertTrue(run.err().startsWith("qualityhub: --data-key applies to the local emulator only"), run.err());
  }

  // ---------------------------------------------------------------------------------------------

  private static CommandLineTest.Run erase(String... options) {
    String[] args = new String[options.length + 5];
    args[0] = "erase";
    System.arraycopy(options, 0, args, 1, options.length);
    System.arraycopy(new String[] {"--stack", STACK, "--endpoint", emulator.endpoint().toString()}, 0, args, options.length + 1, 4);
    return CommandLineTest.cli(args);
  }

  private static String physicalId(String logicalId) {
    try (CloudFormationClient cloudFormation = AwsClients.forEndpoint(emulator.endpoint(), LocalEmulator.region())
        .configure(CloudFormationClient.builder()).build()) {
      return cloudFormation.describeStackResource(request -> request.stackName(STACK).logicalResourceId(logicalId))
          .stackResourceDetail().physicalResourceId();
    }
  }

  private static void queueAnswer(String answer) throws Exception {
    motoApi("/moto-api/static/lambda-simple/response", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
        java.util.Map.of("results", java.util.List.of(answer), "region", LocalEmulator.region().id())));
  }

  private static void motoApi(String path, String json) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(201, response.statusCode(), response.body());
  }

  private static byte[] emptyJar() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("README"));
      zip.write("the simple backend runs no code".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
