package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qualityhub emulator start|status|stop}, and which endpoint the other commands then choose. */
class EmulatorCommandTest {

  private static final Pattern STARTED = Pattern.compile("Started: moto on (http://127\\.0\\.0\\.1:\\d+) \\(pid (\\d+), log .*\\)");

  @Test
  void aStartedEmulatorOutlivesTheCommandIsChosenByOtherCommandsAndStopsOnRequest(@TempDir Path projectRoot) throws java.io.IOException {
    Files.copy(Path.of("..", "..", "template.yaml"), projectRoot.resolve("template.yaml"));
    Output start = run(projectRoot, "start");
    Matcher started = STARTED.matcher(start.text().lines().findFirst().orElse(""));
    assertTrue(started.matches(), start.text());
    URI endpoint = URI.create(started.group(1));
    long pid = Long.parseLong(started.group(2));
    try {
      assertTrue(Files.isRegularFile(projectRoot.resolve(".qualityhub/emulator.json")));
      assertTrue(start.text().contains("Resources of template.yaml are there (stack qualityhub-local)."), start.text());
      try (LocalDeployment found = LocalDeployment.attach(projectRoot, Optional.of(endpoint))) {
        assertEquals("qualityhub-local-RecordsTable", found.physicalId("RecordsTable"), "start created the stack's resources");
      }
      assertEquals(new Output(0, "Running: moto on " + endpoint + " (pid " + pid + ")\n"), run(projectRoot, "status"));
      assertTrue(run(projectRoot, "start").text().startsWith("Already running: moto on " + endpoint + " (pid " + pid + ","));

      assertEquals(Optional.of(endpoint), EmulatorEndpoint.choose(Optional.empty(), Map.of(), projectRoot));
      assertEquals(Optional.of(URI.create("http://127.0.0.1:1")),
          EmulatorEndpoint.choose(Optional.of("http://127.0.0.1:1"), Map.of(), projectRoot), "--endpoint comes first");
      assertEquals(Optional.empty(), EmulatorEndpoint.choose(Optional.empty(), Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:2"),
          projectRoot), "AWS_ENDPOINT_URL comes next, and LocalEmulator honours it");
    } finally {
      assertEquals(new Output(0, "Stopped moto on " + endpoint + " (pid " + pid + ")\n"), run(projectRoot, "stop"));
    }
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the emulator process is gone");
    assertEquals(1, run(projectRoot, "status").status());
    assertEquals(Optional.empty(), EmulatorEndpoint.choose(Optional.empty(), Map.of(), projectRoot), "a fresh emulator per run again");
    assertEquals(new Output(0, "Not running.\n"), run(projectRoot, "stop"));
  }

  private static Output run(Path projectRoot, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = new EmulatorCommand(projectRoot, new PrintStream(out, true, StandardCharsets.UTF_8)).run(List.of(args));
    return new Output(status, out.toString(StandardCharsets.UTF_8));
  }

  private record Output(int status, String text) {}
}
