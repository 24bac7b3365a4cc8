package io.qualityhub.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.qualityhub.emulator.CloudFormationYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Lambda function as template.yaml declares it: its logical id, its handler and the artifact its {@code CodeUri}
 * names (the function's own, or the template's global one). Read from the template each time, so a benchmark follows
 * the functions wherever the build puts their artifacts. A function is named as on the command line: its logical id
 * without {@code Function}, in kebab case ({@code ReportAccessFunction} is {@code report-access}).
 */
record FunctionArtifact(String name, String logicalId, String handler, Path artifact) {

  static FunctionArtifact of(Path projectRoot, String name) {
    Map<String, FunctionArtifact> functions = all(projectRoot);
    FunctionArtifact function = functions.get(name);
    if (function == null) {
      throw new IllegalArgumentException("template.yaml has no function '" + name + "'; it has " + functions.keySet());
    }
    if (!Files.isRegularFile(function.artifact())) {
      throw new IllegalStateException(function.logicalId() + "'s artifact " + function.artifact()
          + " (template.yaml's CodeUri) does not exist: build it first (mvn -B -DskipTests package)");
    }
    return function;
  }

  /** Every function of the template, by command-line name. */
  static Map<String, FunctionArtifact> all(Path projectRoot) {
    JsonNode template = CloudFormationYaml.read(projectRoot.resolve("template.yaml"));
    JsonNode globals = template.path("Globals").path("Function");
    Map<String, FunctionArtifact> functions = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> resources = template.path("Resources").fields();
    while (resources.hasNext()) {
      Map.Entry<String, JsonNode> resource = resources.next();
      if (!"AWS::Serverless::Function".equals(resource.getValue().path("Type").asText())) {
        continue;
      }
      JsonNode properties = resource.getValue().path("Properties");
      String codeUri = properties.path("CodeUri").asText(globals.path("CodeUri").asText(""));
      String handler = properties.path("Handler").asText(globals.path("Handler").asText(""));
      String name = nameOf(resource.getKey());
      functions.put(name, new FunctionArtifact(name, resource.getKey(), handler, projectRoot.resolve(codeUri)));
    }
    return functions;
  }

  /** {@code ReportAccessFunction} -> {@code report-access}. */
  static String nameOf(String logicalId) {
    String stem = logicalId.endsWith("Function") ? logicalId.substring(0, logicalId.length() - "Function".length()) : logicalId;
    return stem.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}
