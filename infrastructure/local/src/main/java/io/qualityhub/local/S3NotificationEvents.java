package io.qualityhub.local;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The S3 notification of one uploaded object, as S3 sends it to the intake queue, and the SQS event
 * Lambda hands intake for it: for the benchmarks, the fault scenarios and the tests, which call
 * intake without a queue. What is null is left out, as moto leaves out version, sequencer and uploader.
 */
public final class S3NotificationEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private S3NotificationEvents() {}

  /** The notification's JSON: the key URL-encoded as S3 encodes it. */
  public static String objectCreated(String bucket, String key, String versionId, String sequencer, String principalId) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode record = root.putArray("Records").addObject();
    record.put("eventVersion", "2.1").put("eventSource", "aws:s3").put("eventName", "ObjectCreated:Put");
    if (principalId != null) {
      record.putObject("userIdentity").put("principalId", principalId);
    }
    ObjectNode s3 = record.putObject("s3");
    s3.putObject("bucket").put("name", bucket);
    ObjectNode object = s3.putObject("object").put("key", URLEncoder.encode(key, StandardCharsets.UTF_8));
    if (versionId != null) {
      object.put("versionId", versionId);
    }
    if (sequencer != null) {
      object.put("sequencer", sequencer);
    }
    return root.toString();
  }

  /** One SQS message carrying that notification, as the only record of an event. */
  public static SQSEvent sqsEvent(String messageId, String notification) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId(messageId);
    message.setBody(notification);
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(message));
    return event;
  }

  /** The event of an upload notified as moto notifies it: bucket and key only. */
  public static SQSEvent objectCreatedEvent(String bucket, String key) {
    return sqsEvent("m-" + key.hashCode(), objectCreated(bucket, key, null, null, null));
  }
}
