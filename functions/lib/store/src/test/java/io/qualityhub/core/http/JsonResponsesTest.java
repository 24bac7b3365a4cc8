package io.qualityhub.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonResponsesTest {

  @Test
  void anAnswerIsJsonThatNoCacheKeeps() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reports", List.of(Map.of("id", "2026-11/TPE-01")));
    body.put("count", 1);

    APIGatewayV2HTTPResponse response = JsonResponses.of(403, body);

    assertEquals(403, response.getStatusCode());
    assertEquals(Map.of("Content-Type", "application/json", "Cache-Control", "no-store"), response.getHeaders());
    assertEquals("{\"reports\":[{\"id\":\"2026-11/TPE-01\"}],\"count\":1}", response.getBody());
  }
}
