package io.qualityhub.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * The answers of the HTTP API's functions: a JSON body that no cache may keep, because each answer is one caller's
 * view (their reports, their tasks, a customer's records).
 */
public final class JsonResponses {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonResponses() {}

  /** @param body maps, lists, strings, numbers and booleans only, which always serialise */
  public static APIGatewayV2HTTPResponse of(int status, Map<String, ?> body) {
    try {
      return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
          .withHeaders(Map.of("Content-Type", "application/json", "Cache-Control", "no-store"))
          .withBody(JSON.writeValueAsString(body)).build();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the answer holds a value JSON cannot carry", e);
    }
  }
}
