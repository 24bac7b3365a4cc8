package io.qualityhub.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where intake's CPU goes, by pass and stage: JFR's execution samples of intake's threads during the measured run,
 * each put in the first stage (in the order below) that one of its frames belongs to, then shared out in proportion
 * of intake's CPU time per row. Sampling, not instrumentation: intake's code carries no timers. Stacks deeper than
 * JFR's depth (64 frames unless {@code -XX:FlightRecorderOptions:stackdepth=N}) lose their outer frames; the share
 * of those is printed, and a deep SDK stack whose pass is cut off counts under "unknown".
 */
final class StageProfile implements AutoCloseable {

  /** Most specific first: a sample is the first stage any of its frames matches. */
  private static final List<Stage> STAGES = List.of(
      stage("iv_random", "java.security.SecureRandom."),
      stage("blind_index", "io.qualityhub.core.crypto.BlindIndex."),
      stage("item_tag", "io.qualityhub.core.store.ItemAuthenticator."),
      stage("encrypt", "io.qualityhub.core.crypto.FieldCipher.encrypt"),
      stage("state_seal", "io.qualityhub.core.store.ItemSeal."),
      stage("state_deadline_index", "io.qualityhub.intake.DeadlineIndexer."),
      stage("state_item", "io.qualityhub.core.store.RecordItemMapper.toStateItem"),
      stage("build_item", "io.qualityhub.core.store.RecordItemMapper.toItem"),
      stage("sdk_marshal", "software.amazon.awssdk.protocols.json.internal.marshall."),
      stage("sdk_unmarshal", "software.amazon.awssdk.protocols.json.internal.unmarshall.",
          "software.amazon.awssdk.protocols.jsoncore.internal."),
      stage("sdk_sign", "software.amazon.awssdk.http.auth.aws.", "software.amazon.awssdk.auth.signer."),
      stage("http", "software.amazon.awssdk.http.urlconnection.", "sun.net.", "java.net.", "sun.nio.ch."),
      stage("write_request", "io.qualityhub.core.store.BatchItemWriter."),
      stage("sdk_other", "software.amazon.awssdk."),
      stage("id_index", "io.qualityhub.core.validate.IdIndex."),
      stage("sha256", "java.security.DigestInputStream."),
      stage("gunzip", "java.util.zip."),
      stage("parse_instant", "java.time.OffsetDateTime.parse", "io.qualityhub.core.format.Timestamps.",
          "io.qualityhub.core.store.RecordItemMapper.version"),
      stage("parse", "io.qualityhub.core.parse."),
      stage("validate", "io.qualityhub.core.validate."));

  /** The pass a sample belongs to, by the first of these methods on its stack. */
  private static final List<Stage> PASSES = List.of(
      stage("states", "io.qualityhub.intake.IntakeService.advanceStates"),
      stage("rows", "io.qualityhub.intake.IntakeService.writeRows", "io.qualityhub.core.store.BatchItemWriter."),
      stage("validate", "io.qualityhub.intake.IntakeService.validate"));

  private final Recording recording = new Recording();
  private final Predicate<String> intakeThread;

  /** @param intakeThread which threads' samples count, by name */
  StageProfile(Predicate<String> intakeThread) {
    this.intakeThread = intakeThread;
    recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(5));
    recording.start();
  }

  /**
   * Stops sampling and shares {@code cpuMicrosPerRow} out by pass and stage: {@code profile.PASS.STAGE_us_per_row}.
   */
  Map<String, String> figures(double cpuMicrosPerRow) throws IOException {
    recording.stop();
    Path file = Files.createTempFile("qualityhub-intake-profile-", ".jfr");
    try {
      recording.dump(file);
      Map<String, Long> samples = new TreeMap<>();
      long total = 0;
      long truncated = 0;
      for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
        if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
          continue;
        }
        var thread = event.getThread("sampledThread");
        RecordedStackTrace stack = event.getStackTrace();
        if (thread == null || stack == null || !intakeThread.test(thread.getJavaName())) {
          continue;
        }
        List<String> frames = stack.getFrames().stream().map(StageProfile::method).toList();
        // A thread reading rows ahead (decoding, parsing) serves whichever pass is on: its stack cannot tell which.
        String pass = thread.getJavaName().startsWith("row-reader-") ? "read_ahead"
            : first(PASSES, frames, stack.isTruncated() ? "unknown" : "other");
        samples.merge(pass + "." + first(STAGES, frames, "other"), 1L, Long::sum);
        total++;
        truncated += stack.isTruncated() ? 1 : 0;
      }
      Map<String, String> figures = new TreeMap<>();
      for (Map.Entry<String, Long> stage : samples.entrySet()) {
        figures.put("profile." + stage.getKey() + "_us_per_row",
            String.format("%.2f", cpuMicrosPerRow * stage.getValue() / total));
      }
      figures.put("profile.samples", Long.toString(total));
      figures.put("profile.truncated_stack_share", String.format("%.3f", total == 0 ? 0 : (double) truncated / total));
      return figures;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static String first(List<Stage> stages, List<String> frames, String otherwise) {
    for (Stage stage : stages) {
      for (String frame : frames) {
        if (stage.matches(frame)) {
          return stage.name();
        }
      }
    }
    return otherwise;
  }

  private static String method(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static Stage stage(String name, String... prefixes) {
    return new Stage(name, List.of(prefixes));
  }

  private record Stage(String name, List<String> prefixes) {
    boolean matches(String method) {
      for (String prefix : prefixes) {
        if (method.startsWith(prefix)) {
          return true;
        }
      }
      return false;
    }
  }

  @Override
  public void close() {
    recording.close();
  }
}
