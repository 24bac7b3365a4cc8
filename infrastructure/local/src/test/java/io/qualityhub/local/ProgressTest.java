package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(written, true, StandardCharsets.UTF_8);

  @Test
  void onATerminalTheBarIsRedrawnInPlaceAndEndsItsLineWhenDone() {
    Progress progress = new Progress(err, "upload", 2, true);

    progress.step();
    progress.step();

    assertEquals("\rupload [###############               ] 1/2\033[K"
        + "\rupload [##############################] 2/2\033[K" + System.lineSeparator(), written());
  }

  @Test
  void offATerminalThereIsNoBarOnlyALineWhenItStartsAndAtEachTenth() {
    Progress progress = new Progress(err, "upload", 20, false);

    for (int i = 0; i < 20; i++) {
      progress.step();
    }

    assertEquals(String.join(System.lineSeparator(), "upload: 1/20 (0%)", "upload: 2/20 (10%)", "upload: 4/20 (20%)",
        "upload: 6/20 (30%)", "upload: 8/20 (40%)", "upload: 10/20 (50%)", "upload: 12/20 (60%)", "upload: 14/20 (70%)", "upload: 16/20 (80%)",
        "upload: 18/20 (90%)", "upload: 20/20 (100%)") + System.lineSeparator(), written());
  }

  @Test
  void stepsWithOutputOfTheirOwnGetABarALineOnATerminal() {
    Progress steps = new Progress(err, "demo", 3, true, false);

    steps.step("intake");
    steps.step("monitor");

    assertEquals("demo [##########                    ] 1/3 intake" + System.lineSeparator()
        + "demo [####################          ] 2/3 monitor" + System.lineSeparator(), written());
  }

  @Test
  void aStreamOtherThanStandardErrorIsNeverTreatedAsATerminalEvenWhenTheLauncherSaysStandardErrorIsOne() {
    String before = System.getProperty(Progress.TERMINAL_PROPERTY);
    System.setProperty(Progress.TERMINAL_PROPERTY, "true");
    try {
      Progress.ofSteps(err, "coldstart intake", 1).step("B0 400 ms");
    } finally {
      if (before == null) {
        System.clearProperty(Progress.TERMINAL_PROPERTY);
      } else {
        System.setProperty(Progress.TERMINAL_PROPERTY, before);
      }
    }

    assertEquals("coldstart intake: 1/1 (100%) B0 400 ms" + System.lineSeparator(), written());
  }

  @Test
  void withoutTheLaunchersWordStandardErrorGetsNoBar() {
    PrintStream standardError = System.err;
    System.clearProperty(Progress.TERMINAL_PROPERTY);
    System.setErr(err);
    try {
      new Progress(System.err, "redrive", 1).step();
    } finally {
      System.setErr(standardError);
    }

    assertEquals("redrive: 1/1 (100%)" + System.lineSeparator(), written());
  }

  private String written() {
    return written.toString(StandardCharsets.UTF_8);
  }
}
