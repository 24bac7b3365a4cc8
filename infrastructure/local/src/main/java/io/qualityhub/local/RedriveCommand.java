package io.qualityhub.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code ./qualityhub redrive --queue NAME}: moves the messages of a dead-letter queue back to the queue they
 * came from (the one whose redrive policy names it), once the cause is fixed (docs/operations/runbooks.md),
 * and says how many. Each message is sent to the source before it is deleted from the dead-letter queue, so a
 * failure part way leaves it in one of the two, never in neither; a message may then be delivered twice, which
 * every consumer takes as the same message (intake, aggregates, findings and inspections are idempotent).
 */
final class RedriveCommand {

  static final String USAGE = "usage: qualityhub redrive --queue NAME " + AwsTarget.USAGE
      + "   (NAME: a dead-letter queue's logical id in template.yaml, e.g. IntakeDeadLetterQueue)";

  private static final int BATCH = 10;

  private final Path projectRoot;
  private final PrintStream out;
  private final PrintStream err;

  RedriveCommand(Path projectRoot, PrintStream out, PrintStream err) {
    this.projectRoot = projectRoot;
    this.out = out;
    this.err = err;
  }

  int run(List<String> args) {
    Options options = Options.parse(args, AwsTarget.optionsWith("--queue"), Set.of(), USAGE);
    String queue = options.value("--queue").orElseThrow(() -> new UsageException("--queue is required\n" + USAGE));
    if (!options.positional().isEmpty() || !queue.endsWith("DeadLetterQueue")) {
      throw new UsageException("--queue takes a dead-letter queue's logical id from template.yaml, e.g."
          + " IntakeDeadLetterQueue\n" + USAGE);
    }
    try (LocalDeployment deployment = AwsTarget.of(options).open(projectRoot);
         SqsClient sqs = deployment.clients().configure(SqsClient.builder()).build()) {
      String deadLetterUrl = deployment.physicalId(queue);
      List<String> sources = sqs.listDeadLetterSourceQueuesPaginator(request -> request.queueUrl(deadLetterUrl))
          .queueUrls().stream().toList();
      if (sources.size() != 1) {
        throw new NotDeployedException(queue + " is the dead-letter queue of " + (sources.isEmpty()
            ? "no queue (it takes failed scheduled or asynchronous runs of a function: see its runbook in"
                + " docs/operations/runbooks.md)"
            : sources.size() + " queues " + sources + ": move its messages by hand, each to where it came from"));
      }
      String source = sources.getFirst();
      long waiting = Long.parseLong(sqs.getQueueAttributes(request -> request.queueUrl(deadLetterUrl)
          .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
          .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
      Progress progress = new Progress(err, "redrive " + queue, waiting);
      long moved = 0;
      while (true) {
        List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(deadLetterUrl).maxNumberOfMessages(BATCH)
            .waitTimeSeconds(1).visibilityTimeout(60).messageAttributeNames("All")
            .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        if (messages.isEmpty()) {
          break;
        }
        for (Message message : messages) {
          sqs.sendMessage(request -> request.queueUrl(source).messageBody(message.body())
              .messageAttributes(message.messageAttributes()));
          sqs.deleteMessage(request -> request.queueUrl(deadLetterUrl).receiptHandle(message.receiptHandle()));
          moved++;
          progress.step();
        }
      }
      out.println("Moved " + moved + " message" + (moved == 1 ? "" : "s") + " from " + queueName(deadLetterUrl)
          + " back to " + queueName(source) + ".");
      return QualityHubCli.DONE;
    }
  }

  private static String queueName(String queueUrl) {
    return queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
  }
}
