package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.emulator.CloudFormationYaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operations dashboard's portal row, as template.yaml declares it (issue 18 item 5): the
 * functions behind the portal's pages each show their errors and throttles, and the alarms on them
 * sit beside the chart. Which functions serve the portal is read from the template (every function
 * the HTTP API routes to, except the download function, whose answers and refusals have their own
 * panels), so a portal function added later without its dashboard lines fails here.
 */
class OperationsDashboardTest {

  private static final Path TEMPLATE = Path.of("..", "..", "template.yaml").toAbsolutePath().normalize();
  private static final String DOWNLOAD_FUNCTION = "ReportAccessFunction";
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(\\w+)(?:\\.Arn)?}");

  private static JsonNode resources;
  private static List<JsonNode> widgets;

  @BeforeAll
  static void readTheDashboard() throws Exception {
    resources = CloudFormationYaml.read(TEMPLATE).get("Resources");
    String body = resources.get("OperationsDashboard").path("Properties").path("DashboardBody").path("Fn::Sub").asText();
    widgets = new ArrayList<>();
    new ObjectMapper().readTree(body).get("widgets").forEach(widgets::add);
  }

  @Test
  void thePortalRowChartsErrorsAndThrottlesOfEveryFunctionBehindThePortalPages() {
    Set<String> portalFunctions = portalFunctions();
    assertEquals(Set.of("CustomerLookupFunction", "InspectionTasksFunction", "ReportListFunction"), portalFunctions,
        "the functions behind the portal's report list, task list and customer lookup");

    JsonNode chart = widget("Portal functions: errors and throttles");
    Set<String> errors = new TreeSet<>();
    Set<String> throttles = new TreeSet<>();
    for (JsonNode metric : chart.path("properties").path("metrics")) {
      assertEquals("AWS/Lambda", metric.get(0).asText(), String.valueOf(metric));
      assertEquals("FunctionName", metric.get(2).asText(), String.valueOf(metric));
      String function = referenced(metric.get(3).asText());
      switch (metric.get(1).asText()) {
        case "Errors" -> errors.add(function);
        case "Throttles" -> throttles.add(function);
        default -> throw new AssertionError("the portal row charts errors and throttles only: " + metric);
      }
    }
    assertEquals(portalFunctions, errors);
    assertEquals(portalFunctions, throttles);
  }

  @Test
  void besideItTheAlarmsOnThePortalFunctionsEachOfThemAnAlarmOfTheTemplate() {
    Set<String> portalFunctions = portalFunctions();
    Set<String> alarmsOnThem = new TreeSet<>();
    resources.properties().forEach(resource -> {
      if (resource.getValue().path("Type").asText().equals("AWS::CloudWatch::Alarm")
          && portalFunctions.stream().anyMatch(function -> resource.getValue().findValuesAsText("Ref").contains(function))) {
        alarmsOnThem.add(resource.getKey());
      }
    });
    assertEquals(Set.of("CustomerLookupFunctionErrorsAlarm", "InspectionTasksFunctionErrorsAlarm",
        "PortalFunctionsThrottledAlarm", "ReportListFunctionErrorsAlarm"), alarmsOnThem);

    JsonNode alarms = widget("Portal alarms");
    Set<String> shown = new TreeSet<>();
    alarms.path("properties").path("alarms").forEach(arn -> shown.add(referenced(arn.asText())));
    assertEquals(alarmsOnThem, shown);

    JsonNode chart = widget("Portal functions: errors and throttles");
    assertEquals(chart.path("y").asInt(), alarms.path("y").asInt(), "one row");
    assertTrue(chart.path("x").asInt() + chart.path("width").asInt() <= alarms.path("x").asInt(),
        "the alarms beside the chart, not over it");
  }

  /** Every function the HTTP API routes to, except the download function. */
  private static Set<String> portalFunctions() {
    Set<String> functions = new TreeSet<>();
    resources.properties().forEach(resource -> {
      JsonNode definition = resource.getValue();
      if (definition.path("Type").asText().equals("AWS::Serverless::Function")
          && !resource.getKey().equals(DOWNLOAD_FUNCTION)) {
        definition.path("Properties").path("Events").forEach(event -> {
          if (event.path("Type").asText().equals("HttpApi")) {
            functions.add(resource.getKey());
          }
        });
      }
    });
    return functions;
  }

  private static JsonNode widget(String title) {
    return widgets.stream().filter(widget -> widget.path("properties").path("title").asText().equals(title))
        .findFirst().orElseThrow(() -> new AssertionError("the dashboard has no widget titled " + title));
  }

  /** The logical id in {@code ${ReportListFunction}} or {@code ${ReportListFunctionErrorsAlarm.Arn}}. */
  private static String referenced(String value) {
    Matcher matcher = REFERENCE.matcher(value);
    assertTrue(matcher.matches(), "not a reference to a resource of the template: " + value);
    assertTrue(resources.has(matcher.group(1)), "the template has no " + matcher.group(1));
    return matcher.group(1);
  }
}
