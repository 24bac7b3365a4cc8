package io.qualityhub.sampling.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.access.TokenGroups;
import io.qualityhub.sampling.domain.Period;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sample event of the inspection tasks function reads as the handler reads what API Gateway sends. */
class InspectionTasksEventTest {

  private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  @Test
  void theSampleEventIsQualityStaffAskingForOctobersSample() throws Exception {
    APIGatewayV2HTTPEvent event = JSON.readValue(Files.readString(Path.of("../../events/sampling/http-api-inspection-tasks.json")),
        APIGatewayV2HTTPEvent.class);

    Map<String, String> claims = event.getRequestContext().getAuthorizer().getJwt().getClaims();
    assertEquals(Set.of(InspectionTasksHandler.QUALITY_GROUP), TokenGroups.parse(claims.get("cognito:groups")));
    assertEquals("quality-chen", claims.get("cognito:username"));
    assertEquals(Period.parse("2026-10"), Period.parse(event.getPathParameters().get("period")));
    assertEquals("GET /samples/{period}", event.getRouteKey());
  }
}
