package io.qualityhub.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the S3 notifications carried in an SQS message body. Keys arrive URL-encoded (a space as
 * {@code +}) and are decoded exactly once; the {@code s3:TestEvent} S3 sends when a notification
 * is configured announces no object and yields nothing.
 */
public final class S3Notifications {

  private static final ObjectMapper JSON = new ObjectMapper();

  private S3Notifications() {}

  public static List<S3ObjectRef> objectsIn(String messageBody) throws MalformedNotificationException {
    JsonNode root;
    try {
      root = JSON.readTree(messageBody);
    } catch (JsonProcessingException e) {
      throw new MalformedNotificationException("the message body is not JSON", e);
    }
    if (root == null || "s3:TestEvent".equals(root.path("Event").asText())) {
      return List.of();
    }
    JsonNode records = root.path("Records");
    if (!records.isArray()) {
      throw new MalformedNotificationException("the message body holds no S3 'Records' array", null);
    }
    List<S3ObjectRef> objects = new ArrayList<>();
    for (JsonNode record : records) {
      if (!record.path("eventName").asText().startsWith("ObjectCreated:")) {
        continue;
      }
      JsonNode s3 = record.path("s3");
      String bucket = s3.path("bucket").path("name").asText(null);
      String key = s3.path("object").path("key").asText(null);
      if (bucket == null || key == null) {
        throw new MalformedNotificationException("an S3 record lacks its bucket name or object key", null);
      }
      objects.add(new S3ObjectRef(bucket, URLDecoder.decode(key, StandardCharsets.UTF_8),
          s3.path("object").path("versionId").asText(null), s3.path("object").path("sequencer").asText(null),
          record.path("userIdentity").path("principalId").asText(null)));
    }
    return objects;
  }

  /** A message that is not an S3 notification; retrying cannot help, so it ends in the dead-letter queue. */
  public static final class MalformedNotificationException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedNotificationException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
