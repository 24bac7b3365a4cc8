package io.qualityhub.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.tools.ToolProvider;
import org.apache.logging.log4j.core.config.plugins.processor.PluginCache;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each function artifact's own logging, as built: its log4j2.xml with the one Log4j plugin cache it carries, which
 * holds only the plugins the configuration uses (functions/lib/store/src/build/Log4jPluginCacheSubset.java, decision
 * 0026).
 * A plugin missing from that cache makes Log4j drop its element with a status message and log through a default
 * layout, in clear; the tests on the class path (SensitiveKeyMaskingTest, NoLeaksTest) cannot see it, since that class
 * path has every library's full cache. So each artifact runs, alone on the class path, code that logs planted
 * sensitive values, and its output must be JSON lines of Powertools' layout with every planted value masked.
 */
class FunctionArtifactsLoggingTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final Path PLANTED_LINES = Path.of("src", "test", "resources", "artifact-logging-check",
      "PlantedSensitiveLines.java").toAbsolutePath();
  private static final String PLUGIN_CACHE = "META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat";
  private static final List<String> PLANTED = List.of("A123456789", "PLANTED-id-no", "0912345678");
  /** The categories of the plugins log4j2.xml uses; the libraries' full caches add pattern converters, watchers... */
  private static final Set<String> CACHE_CATEGORIES = Set.of("configurationfactory", "core", "jsontemplateresolverfactory",
      "jsontemplateresolverinterceptor", "lookup", "typeconverter");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path compiled;

  @BeforeAll
  static void compileThePlantedLinesOnce() {
    String artifact = FunctionArtifact.all(ROOT).get("intake").artifact().toString();
    int result = ToolProvider.getSystemJavaCompiler().run(null, null, null,
        "-cp", artifact, "-d", compiled.toString(), PLANTED_LINES.toString());
    assertEquals(0, result, "PlantedSensitiveLines.java compiles against the intake artifact");
  }

  @Test
  void everyArtifactLogsJsonWithThePlantedValuesMasked() throws Exception {
    Map<String, Future<String>> problems = new TreeMap<>();
    // Two artifacts at once: each runs alone in its own JVM.
    try (ExecutorService probes = Executors.newFixedThreadPool(2)) {
      for (FunctionArtifact function : FunctionArtifact.all(ROOT).values()) {
        problems.put(function.name(), probes.submit(() -> problemWith(function)));
      }
    }
    Map<String, String> failures = new TreeMap<>();
    for (Map.Entry<String, Future<String>> problem : problems.entrySet()) {
      if (problem.getValue().get() != null) {
        failures.put(problem.getKey(), problem.getValue().get());
      }
    }
    assertTrue(failures.isEmpty(), () -> "artifacts whose logging is not the masked JSON layout: " + failures);
  }

  private static String problemWith(FunctionArtifact function) throws IOException, InterruptedException {
    Set<String> categories = pluginCacheOf(function.artifact(), compiled).getAllCategories().keySet();
    return categories.equals(CACHE_CATEGORIES) ? problemWithLoggingOf(function.artifact())
        : "its Log4j plugin cache is not the store module's subset: categories " + categories;
  }

  /** The check fails an artifact whose plugin cache lacks the masking layout: the build's subset cannot drop it unseen. */
  @Test
  void anArtifactWhosePluginCacheLacksTheMaskingLayoutIsCaught(@TempDir Path directory) throws Exception {
    Path broken = directory.resolve("without-masking-layout.jar");
    Files.copy(FunctionArtifact.all(ROOT).get("intake").artifact(), broken);
    PluginCache cache = pluginCacheOf(broken, directory);
    assertTrue(cache.getCategory("core").remove("sensitivekeymaskinglayout") != null, "the artifact's cache has the layout");
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    cache.writeCache(written);
    try (FileSystem jar = FileSystems.newFileSystem(broken)) {
      Files.write(jar.getPath(PLUGIN_CACHE), written.toByteArray());
    }

    String problem = problemWithLoggingOf(broken);

    assertTrue(problem != null && problem.contains("SensitiveKeyMaskingLayout"), String.valueOf(problem));
  }

  private static PluginCache pluginCacheOf(Path artifact, Path directory) throws IOException {
    Path copy = Files.createTempFile(directory, "Log4j2Plugins", ".dat");
    try (FileSystem jar = FileSystems.newFileSystem(artifact)) {
      Files.copy(jar.getPath(PLUGIN_CACHE), copy, StandardCopyOption.REPLACE_EXISTING);
    }
    PluginCache cache = new PluginCache();
    cache.loadCacheFiles(Collections.enumeration(List.of(copy.toUri().toURL())));
    Files.delete(copy);
    return cache;
  }

  /** @return what is wrong with the artifact's logging of the planted lines, or null when nothing is */
  private static String problemWithLoggingOf(Path artifact) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        "-cp", compiled + File.pathSeparator + artifact, "PlantedSensitiveLines"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      return "exit " + process.exitValue() + "\n" + output;
    }
    for (String planted : PLANTED) {
      if (output.contains(planted)) {
        return "the planted " + planted + " is in the output:\n" + output;
      }
    }
    // Log4j's status lines ("main ERROR Error processing element ...") say a configured element was dropped.
    if (output.lines().anyMatch(line -> line.contains(" ERROR "))) {
      return "Log4j reported errors:\n" + output;
    }
    List<String> jsonLines = output.lines().filter(line -> line.startsWith("{")).toList();
    if (jsonLines.size() != 2) {
      return "two JSON lines expected:\n" + output;
    }
    JsonNode lookup = JSON.readTree(jsonLines.get(0));
    JsonNode refused = JSON.readTree(jsonLines.get(1));
    if (lookup.path("function_request_id").isMissingNode()) {
      return "not Powertools' JSON layout (no function_request_id):\n" + output;
    }
    if (!"lookup for *** done".equals(lookup.path("message").asText()) || !"***".equals(lookup.path("customer_id_no").asText())
        || !"incoming/TPE-01/2026-11-23/claims.csv".equals(lookup.path("objectKey").asText())
        || !"customer *** refused".equals(refused.at("/error/message").asText())) {
      return "not masked as the layout masks:\n" + output;
    }
    return null;
  }
}
