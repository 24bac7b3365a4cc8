package io.qualityhub.core.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One AWS SDK call as an independent X-Ray subsegment of the function's segment, in the segment document
 * format the X-Ray daemon takes. It names the service, the operation, the region, the request id and the HTTP
 * status: never a table, bucket, key or any value sent, so no record content can reach a trace.
 *
 * @param id the subsegment's own id (16 hex digits)
 * @param trace the invocation's trace header (trace id and the function segment, its parent)
 * @param service the SDK's service name, e.g. {@code DynamoDb}
 * @param operation e.g. {@code PutItem}
 * @param region e.g. {@code ap-northeast-1}
 * @param start when the call began
 * @param end when it ended
 * @param status the HTTP status of the last attempt, when a response came
 * @param requestId AWS's request id, when a response came with one
 */
public record SdkCallSubsegment(String id, TraceHeader trace, String service, String operation, String region,
    Instant start, Instant end, Optional<Integer> status, Optional<String> requestId) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The document: X-Ray's error (4xx), throttle (429) and fault (5xx, or no response at all) flags follow
   * the status as the X-Ray SDK sets them.
   */
  public String document() {
    ObjectNode document = JSON.createObjectNode();
    document.put("type", "subsegment");
    document.put("id", id);
    document.put("trace_id", trace.root());
    document.put("parent_id", trace.parent());
    document.put("name", service);
    document.put("namespace", "aws");
    document.put("start_time", epochSeconds(start));
    document.put("end_time", epochSeconds(end));
    ObjectNode aws = document.putObject("aws");
    aws.put("operation", operation);
    aws.put("region", region);
    requestId.ifPresent(value -> aws.put("request_id", value));
    status.ifPresent(code -> document.putObject("http").putObject("response").put("status", code));
    int code = status.orElse(0);
    if (code == 429) {
      document.put("throttle", true);
    }
    if (code >= 400 && code < 500) {
      document.put("error", true);
    }
    if (code == 0 || code >= 500) {
      document.put("fault", true);
    }
    return document.toString();
  }

  private static BigDecimal epochSeconds(Instant instant) {
    return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9)).stripTrailingZeros();
  }
}
