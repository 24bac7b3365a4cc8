package io.qualityhub.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandlerProbeTest {

  /** Fails every message it is given, naming the function it ran as: the answer shows what the handler received. */
  public static final class FailingEveryMessage implements RequestHandler<SQSEvent, SQSBatchResponse> {

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
      return new SQSBatchResponse(event.getRecords().stream()
          .map(message -> new SQSBatchResponse.BatchItemFailure(context.getFunctionName() + "/" + message.getMessageId()
              + "/" + message.getBody()))
          .toList());
    }
  }

  @TempDir
  Path directory;

  @Test
  void buildsTheHandlerTheTemplateNamesAndHandsItTheEventAsLambdaSendsIt() throws Exception {
    Path event = Files.writeString(directory.resolve("event.json"),
        "{\"Records\":[{\"messageId\":\"m-1\",\"body\":\"first\",\"eventSource\":\"aws:sqs\"},{\"messageId\":\"m-2\",\"body\":\"second\"}]}");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream console = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      HandlerProbe.main(new String[] {FailingEveryMessage.class.getName() + "::handleRequest", event.toString(), "IntakeFunction"});
    } finally {
      System.setOut(console);
    }

    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(0).matches("constructed_ms=\\d+ first_invocation_done_ms=\\d+ cpu_ms=\\d+ event_read_ms=\\d+ event_read_cpu_ms=\\d+"), lines.get(0));
    assertEquals("response={\"batchItemFailures\":[{\"itemIdentifier\":\"IntakeFunction/m-1/first\"},"
        + "{\"itemIdentifier\":\"IntakeFunction/m-2/second\"}]}", lines.get(1));
  }
}
