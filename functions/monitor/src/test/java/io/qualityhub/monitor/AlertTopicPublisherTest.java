package io.qualityhub.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.deadlines.Alert;
import io.qualityhub.deadlines.AlertLevel;
import io.qualityhub.deadlines.DeadlineClockName;
import io.qualityhub.deadlines.DeadlineLimit;
import io.qualityhub.deadlines.ItemType;
import io.qualityhub.deadlines.LimitUnit;
import io.qualityhub.deadlines.OpenDeadline;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a topic subscriber receives: ids, codes and counts, as JSON, under an ASCII subject. */
class AlertTopicPublisherTest {

  private static final AlertTopicPublisher.RunInfo RUN =
      new AlertTopicPublisher.RunInfo("all-20261123T000000Z", Instant.parse("2026-11-23T00:00:00Z"), "2026-11-1");

  @Test
  void aMessageListsEachAlertOfItsBranchAndLevel() throws Exception {
    OpenDeadline settlement = new OpenDeadline(ItemType.CLAIM, "CLM-TPE-2610-0041", "TPE-01", DeadlineClockName.DECISION,
        Instant.parse("2026-11-02T03:20:00Z"), Instant.parse("2026-11-17T16:00:00Z"),
        DeadlineLimit.of(15, LimitUnit.CALENDAR_DAYS), "health, complex", "CH-112", false);
    OpenDeadline response = new OpenDeadline(ItemType.COMPLAINT, "CMP-TPE-2611-0035", "TPE-01",
        DeadlineClockName.FIRST_RESPONSE, Instant.parse("2026-11-21T02:00:00Z"), Instant.parse("2026-11-24T16:00:00Z"),
        DeadlineLimit.of(2, LimitUnit.BUSINESS_DAYS), "general", null, false);
    List<Alert> alerts = List.of(new Alert(settlement, AlertLevel.OVERDUE, 21, 6), new Alert(response, AlertLevel.OVERDUE, 3, 1));

    String body = AlertTopicPublisher.body("TPE-01", AlertLevel.OVERDUE, alerts, RUN, 1, 1);

    assertEquals(new ObjectMapper().readTree("""
        {"runId": "all-20261123T000000Z", "runAt": "2026-11-23T00:00:00Z", "policyVersion": "2026-11-1",
         "branch": "TPE-01", "level": "overdue", "part": 1, "parts": 1,
         "alerts": [
           {"itemType": "claim", "itemId": "CLM-TPE-2610-0041", "clock": "claim.decision", "category": "health, complex",
            "dueAt": "2026-11-17T16:00:00Z", "limit": "15 calendar days", "used": 21, "late": 6, "assignee": "CH-112"},
           {"itemType": "complaint", "itemId": "CMP-TPE-2611-0035", "clock": "complaint.first_response", "category": "general",
            "dueAt": "2026-11-24T16:00:00Z", "limit": "2 business days", "used": 3, "late": 1}]}
        """), new ObjectMapper().readTree(body));
  }

  @Test
  void eachAcceptedPartIsHandedOverBeforeALaterPartFails() {
    List<Alert> alerts = new java.util.ArrayList<>();
    for (int i = 0; i < AlertTopicPublisher.ALERTS_PER_MESSAGE + 1; i++) {
      alerts.add(new Alert(new OpenDeadline(ItemType.CLAIM, "C-" + i, "TPE-01", DeadlineClockName.DECISION,
          Instant.parse("2026-11-02T03:20:00Z"), Instant.parse("2026-11-17T16:00:00Z"),
          DeadlineLimit.of(15, LimitUnit.CALENDAR_DAYS), "health, simple", "CH-1", false), AlertLevel.DUE, 15, 0));
    }
    java.util.concurrent.atomic.AtomicInteger publishes = new java.util.concurrent.atomic.AtomicInteger();
    software.amazon.awssdk.services.sns.SnsClient sns = new software.amazon.awssdk.services.sns.SnsClient() {
      @Override
      public software.amazon.awssdk.services.sns.model.PublishResponse publish(
          java.util.function.Consumer<software.amazon.awssdk.services.sns.model.PublishRequest.Builder> request) {
        if (publishes.incrementAndGet() == 2) {
          throw software.amazon.awssdk.services.sns.model.InternalErrorException.builder().message("second part refused").build();
        }
        return software.amazon.awssdk.services.sns.model.PublishResponse.builder().messageId("m").build();
      }

      @Override
      public String serviceName() {
        return "sns";
      }

      @Override
      public void close() {
      }
    };
    List<List<Alert>> accepted = new java.util.ArrayList<>();

    MessageNotAcceptedException refused = org.junit.jupiter.api.Assertions.assertThrows(MessageNotAcceptedException.class,
        () -> new AlertTopicPublisher(sns, "arn:topic").publish("TPE-01", AlertLevel.DUE, alerts, RUN, accepted::add));

    assertEquals("InternalErrorException", refused.reason());
    org.junit.jupiter.api.Assertions.assertInstanceOf(
        software.amazon.awssdk.services.sns.model.InternalErrorException.class, refused.getCause());

    assertEquals(List.of(alerts.subList(0, AlertTopicPublisher.ALERTS_PER_MESSAGE)), accepted,
        "the first part is recorded as sent, so a retry sends only the second");
  }

  @Test
  void theSubjectNamesBranchLevelAndCount() {
    assertEquals("QualityHub KHH-02: 3 severely overdue items", AlertTopicPublisher.subject("KHH-02", AlertLevel.SEVERELY_OVERDUE, 3));
    assertEquals("QualityHub KHH-02: 1 due item", AlertTopicPublisher.subject("KHH-02", AlertLevel.DUE, 1));
  }
}
