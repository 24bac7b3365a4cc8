package io.qualityhub.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import io.qualityhub.core.time.AsOf;
import io.qualityhub.core.time.InvalidAsOfException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One run's input, as the schedules send it: {@code {"asOf": "<aws.scheduler.scheduled-time>", "scope": "all"}}.
 *
 * @param asOf  the moment the run is as of; the schedules pass their scheduled time, so a retried
 *              invocation is the same run. Empty means now.
 * @param scope which due items to look at
 */
public record MonitorRequest(Optional<AsOf> asOf, MonitorScope scope) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS = Set.of("asOf", "scope");

  public MonitorRequest {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(scope, "scope");
  }

  public static MonitorRequest at(Instant asOf, MonitorScope scope) {
    return new MonitorRequest(Optional.of(new AsOf(asOf)), scope);
  }

  /** Reads the invocation payload; an empty payload or {@code {}} is a run of everything as of now. */
  public static MonitorRequest parse(InputStream payload) {
    JsonNode root;
    try {
      byte[] bytes = payload.readAllBytes();
      root = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
    } catch (JsonProcessingException malformed) {
      throw new InvalidMonitorRequestException("not valid JSON (" + malformed.getOriginalMessage() + ")", malformed);
    } catch (IOException unreadable) {
      throw new UncheckedIOException("could not read the monitor's input", unreadable);
    }
    if (root == null || root.isNull() || root.isMissingNode()) {
      return new MonitorRequest(Optional.empty(), MonitorScope.ALL);
    }
    if (!root.isObject()) {
      throw new InvalidMonitorRequestException("must be a JSON object, was " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new InvalidMonitorRequestException("unknown field '" + name + "'");
      }
    }
    return new MonitorRequest(asOf(root.get("asOf")), scope(root.get("scope")));
  }

  private static Optional<AsOf> asOf(JsonNode node) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    try {
      // The zone only places a date, which this form does not accept.
      return Optional.of(AsOf.parse("asOf", node.isTextual() ? node.asText() : node, AsOf.Form.TIMESTAMP,
          ZoneOffset.UTC));
    } catch (InvalidAsOfException malformed) {
      throw new InvalidMonitorRequestException(malformed.what(), malformed);
    }
  }

  private static MonitorScope scope(JsonNode node) {
    if (node == null || node.isNull()) {
      return MonitorScope.ALL;
    }
    if (!node.isTextual()) {
      throw new InvalidMonitorRequestException("scope must be a string");
    }
    return MonitorScope.fromWire(node.asText());
  }
}
