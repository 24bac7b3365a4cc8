package io.qualityhub.sampling.function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qualityhub.sampling.domain.InspectionTask;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Hands each new task to the inspectors' work system as one SQS message: the task's ids, codes, assigned inspectors
 * ({@code null} when unassigned), reasons, probability, due date and {@code adhoc} (an ad-hoc task adds its order id, reason and requester), never record content (the work
 * system opens the record by its id).
 */
public final class InspectionQueue {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SqsClient sqs;
  private final String queueUrl;

  public InspectionQueue(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  public void send(InspectionTask task) {
    sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(message(task))
        .messageAttributes(java.util.Map.of(
            "team", MessageAttributeValue.builder().dataType("String").stringValue(task.team()).build(),
            "recordType", MessageAttributeValue.builder().dataType("String").stringValue(task.recordType()).build())));
  }

  static String message(InspectionTask task) {
    ObjectNode body = JSON.createObjectNode();
    body.put("taskId", task.taskId());
    body.put("period", task.period().toString());
    body.put("recordType", task.recordType());
    body.put("branch", task.branch());
    body.put("recordId", task.record().recordId());
    if (task.productLine() != null) {
      body.put("productLine", task.productLine());
    }
    body.put("team", task.team());
    body.put("inspectorId", task.assignment().inspectorId());
    body.put("secondInspectorId", task.assignment().secondInspectorId());
    task.reasons().forEach(body.putArray("reasons")::add);
    body.put("inclusionProbability", task.inclusionProbability());
    body.put("dueOn", task.dueOn().toString());
    body.put("adhoc", task.isAdhoc());
    if (task.isAdhoc()) {
      body.put("adhocOrderId", task.adhoc().orderId());
      body.put("adhocReason", task.adhoc().reason());
      body.put("requestedBy", task.adhoc().requestedBy());
    }
    return body.toString();
  }
}
