package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** {@code ./qualityhub redrive --queue NAME} on the emulator: dead letters go back to their queue, counted, none lost. */
class RedriveCommandTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

  private static LocalDeployment local;
  private static SqsClient sqs;

  @BeforeAll
  static void deploy() {
    System.setProperty("qualityhub.root", ROOT.toString());
    local = LocalDeployment.open(ROOT, Optional.empty());
    sqs = local.clients().configure(SqsClient.builder()).build();
  }

  @AfterAll
  static void stop() {
    sqs.close();
    local.close();
  }

  @Test
  void movesEveryDeadLetterBackToItsQueueAndSaysHowMany() {
    String deadLetters = local.attribute("IntakeDeadLetterQueue", "QueueUrl");
    String intake = local.attribute("IntakeQueue", "QueueUrl");
    for (String body : List.of("{\"dead\":1}", "{\"dead\":2}", "{\"dead\":3}")) {
      sqs.sendMessage(request -> request.queueUrl(deadLetters).messageBody(body));
    }

    CommandLineTest.Run run = CommandLineTest.cli("redrive", "--queue", "IntakeDeadLetterQueue", "--endpoint", local.endpoint().toString());

    assertEquals(0, run.status(), run.err());
    assertEquals("Moved 3 messages from qualityhub-local-intake-dlq back to qualityhub-local-intake.", run.out().strip());
    assertTrue(run.err().contains("redrive IntakeDeadLetterQueue: 3/3 (100%)"), "progress on stderr: " + run.err());
    assertEquals(Set.of("{\"dead\":1}", "{\"dead\":2}", "{\"dead\":3}"), bodies(intake));
    assertEquals("0", sqs.getQueueAttributes(request -> request.queueUrl(deadLetters)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));

    CommandLineTest.Run again = CommandLineTest.cli("redrive", "--queue", "IntakeDeadLetterQueue", "--endpoint", local.endpoint().toString());
    assertEquals(0, again.status(), again.err());
    assertEquals("Moved 0 messages from qualityhub-local-intake-dlq back to qualityhub-local-intake.", again.out().strip());
  }

  @Test
  void aQueueThatIsNoDeadLetterQueueIsAUsageError() {
    CommandLineTest.Run run = CommandLineTest.cli("redrive", "--queue", "IntakeQueue", "--endpoint", local.endpoint().toString());
    assertEquals(2, run.status());
    assertTrue(run.err().startsWith("qualityhub: --queue takes a dead-letter queue's logical id from template.yaml"), run.err());
  }

  private static Set<String> bodies(String queueUrl) {
    List<Message> received = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      received.addAll(sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages());
    }
    // The intake queue also holds the test events S3 sends when its notifications are configured.
    return received.stream().map(Message::body).filter(body -> !body.contains("s3:TestEvent")).collect(Collectors.toSet());
  }
}
