package io.qualityhub.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a command puts the details of its own failure, so a person sees one line, not a stack
 * trace. The log holds exception classes and stack frames, never their messages, which a library
 * may have built from the file's content.
 */
final class InternalErrorLog {

  private InternalErrorLog() {}

  /** Writes the failure's details to a new file and returns its path, or a note when even that fails. */
  static String write(String command, Throwable failure) {
    StringWriter text = new StringWriter();
    PrintWriter printer = new PrintWriter(text);
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      printer.println((cause == failure ? "" : "caused by: ") + cause.getClass().getName());
      for (StackTraceElement frame : cause.getStackTrace()) {
        printer.println("\tat " + frame);
      }
    }
    printer.flush();
    try {
      Path log = Files.createTempFile("qualityhub-" + command + "-", ".log");
      Files.writeString(log, text.toString(), StandardCharsets.UTF_8);
      return log.toString();
    } catch (IOException | RuntimeException e) {
      return "no log (it could not be written: " + e.getClass().getSimpleName() + ")";
    }
  }
}
