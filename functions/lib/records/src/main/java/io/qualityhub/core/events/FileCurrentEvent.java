package io.qualityhub.core.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * Published by intake when an upload's generation becomes current: what later capabilities
 * (findings, aggregates for reports) need to read the file again, from its exact object version,
 * and to withdraw what they derived from the generation it replaced. Ids and counts only.
 *
 * @param replacedGeneration the generation this one replaced, or {@code null}
 * @param replacedVersionId the object version of the replaced generation, or {@code null}
 */
public record FileCurrentEvent(
    String fileId,
    String branch,
    String recordType,
    String businessDate,
    String generation,
    String bucket,
    String objectKey,
    String versionId,
    String replacedGeneration,
    String replacedVersionId,
    long accepted,
    long rejected) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public FileCurrentEvent {
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(generation, "generation");
    Objects.requireNonNull(objectKey, "objectKey");
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a FileCurrentEvent always serialises", e);
    }
  }

  public static FileCurrentEvent fromJson(String json) throws JsonProcessingException {
    return JSON.readValue(json, FileCurrentEvent.class);
  }

  /**
   * The event in an SQS message body from the file-events topic: raw when the subscription delivers raw messages,
   * else inside SNS's {@code {"Type":"Notification","Message":"..."}} envelope, which is unwrapped.
   */
  public static FileCurrentEvent fromQueueMessage(String body) throws JsonProcessingException {
    JsonNode node = JSON.readTree(body);
    return fromJson(node.has("Type") && node.has("Message") ? node.get("Message").asText() : body);
  }
}
