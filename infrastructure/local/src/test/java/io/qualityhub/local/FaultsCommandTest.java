package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./qualityhub faults} as CI runs it: every scenario, on a fresh emulator, and none may fail. */
class FaultsCommandTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

  @Test
  void everyFaultScenarioPasses(@TempDir Path out) throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    int status = new FaultsCommand(ROOT, new PrintStream(console, true, StandardCharsets.UTF_8))
        .run(List.of("--out", out.toString()));
    String printed = console.toString(StandardCharsets.UTF_8);
    List<String> lines = printed.lines().toList();

    Matcher closing = Pattern.compile("(\\d+) passed, (\\d+) failed.*").matcher(lines.getLast());
    assertTrue(closing.matches(), printed);
    assertEquals("0", closing.group(2), printed);
    assertTrue(Integer.parseInt(closing.group(1)) >= 20, "at least twenty scenarios: " + printed);
    assertEquals(Integer.parseInt(closing.group(1)), lines.stream().filter(line -> line.startsWith("PASS ")).count(), printed);
    assertEquals(0, status, printed);
  }

  @Test
  void listNamesEveryScenarioAndRunsNone() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    assertEquals(0, new FaultsCommand(ROOT, new PrintStream(console, true, StandardCharsets.UTF_8)).run(List.of("--list")));
    List<String> lines = console.toString(StandardCharsets.UTF_8).lines().toList();

    assertTrue(lines.size() >= 20, String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("poison-file-in-batch ")), String.join("\n", lines));
  }

  @Test
  void anUnknownScenarioIsAUsageError() {
    UsageException e = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
        () -> new FaultsCommand(ROOT, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
            .run(List.of("--only", "no-such-scenario")));
    assertTrue(e.getMessage().contains("no-such-scenario"));
  }
}
