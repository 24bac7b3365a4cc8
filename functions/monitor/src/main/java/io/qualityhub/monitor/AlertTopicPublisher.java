package io.qualityhub.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qualityhub.deadlines.Alert;
import io.qualityhub.deadlines.AlertLevel;
import io.qualityhub.deadlines.OpenDeadline;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes a run's alerts to the alert topic, one message per branch and level (split when long),
 * with {@code branch} and {@code level} as message attributes for subscription filter policies. The
 * body is JSON of ids, codes and counts: what the digests show, for machines.
 */
final class AlertTopicPublisher {

  /** About 300 bytes each: well inside SNS's 256 KB message limit. */
  static final int ALERTS_PER_MESSAGE = 200;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SnsClient sns;
  private final String topicArn;

  AlertTopicPublisher(SnsClient sns, String topicArn) {
    this.sns = sns;
    this.topicArn = topicArn;
  }

  /**
   * Publishes the alerts of one branch and level, part by part, handing each part's alerts to {@code accepted} as soon
   * as SNS has accepted it, so that a failure on a later part leaves only the unsent parts to send again. Returns how
   * many parts, once SNS has accepted every one; throws {@link MessageNotAcceptedException} at the first part it does
   * not accept.
   */
  int publish(String branch, AlertLevel level, List<Alert> alerts, RunInfo run, Consumer<List<Alert>> accepted) {
    int parts = (alerts.size() + ALERTS_PER_MESSAGE - 1) / ALERTS_PER_MESSAGE;
    for (int part = 0; part < parts; part++) {
      List<Alert> slice = alerts.subList(part * ALERTS_PER_MESSAGE, Math.min(alerts.size(), (part + 1) * ALERTS_PER_MESSAGE));
      String body = body(branch, level, slice, run, part + 1, parts);
      try {
        sns.publish(request -> request
            .topicArn(topicArn)
            .subject(subject(branch, level, alerts.size()))
            .message(body)
            .messageAttributes(Map.of(
                "branch", text(branch),
                "level", text(level.wireName()))));
      } catch (SdkException notAccepted) {
        throw new MessageNotAcceptedException("SNS", notAccepted);
      }
      accepted.accept(slice);
    }
    return parts;
  }

  /** ASCII only and under 100 characters, as SNS requires: branch ids and level names are both. */
  static String subject(String branch, AlertLevel level, int count) {
    return "QualityHub " + branch + ": " + count + " " + level.wireName().replace('_', ' ') + (count == 1 ? " item" : " items");
  }

  static String body(String branch, AlertLevel level, List<Alert> alerts, RunInfo run, int part, int parts) {
    ObjectNode message = JSON.createObjectNode()
        .put("runId", run.runId())
        .put("runAt", run.runAt().toString())
        .put("policyVersion", run.policyVersion())
        .put("branch", branch)
        .put("level", level.wireName())
        .put("part", part)
        .put("parts", parts);
    ArrayNode lines = message.putArray("alerts");
    for (Alert alert : alerts) {
      OpenDeadline deadline = alert.deadline();
      ObjectNode line = lines.addObject()
          .put("itemType", deadline.itemType().wireName())
          .put("itemId", deadline.itemId())
          .put("clock", deadline.clock().policyId())
          .put("category", deadline.category())
          .put("dueAt", deadline.dueAt().toString())
          .put("limit", deadline.limit().describe())
          .put("used", alert.used())
          .put("late", alert.late());
      if (deadline.assignee() != null) {
        line.put("assignee", deadline.assignee());
      }
    }
    try {
      return JSON.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an alert message of strings and numbers could not be written as JSON", e);
    }
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }

  /** What every message of a run says about the run. */
  record RunInfo(String runId, Instant runAt, String policyVersion) {}
}
