package io.qualityhub.intake;

import io.qualityhub.core.format.CsvCell;
import io.qualityhub.core.validate.Reject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rejects of one file, written as CSV ({@code line,column,reason,message}) to a temporary file
 * as they are found, so that ten million rejects take disk, not heap; the first few are also kept
 * in memory for the summary. Messages never hold row values, so the report is safe to hand to the
 * branch; its cells are neutralised against formulas all the same, as every CSV we write for people.
 */
final class RejectsReport implements AutoCloseable {

  static final String HEADER = "line,column,reason,message";

  private final Path file;
  private final BufferedWriter out;
  private final int keepInMemory;
  private final List<Reject> first = new ArrayList<>();

  RejectsReport(int keepInMemory) throws IOException {
    this.file = Files.createTempFile("qualityhub-rejects-", ".csv");
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    this.keepInMemory = keepInMemory;
    out.write(HEADER);
    out.write('\n');
  }

  void add(Reject reject) {
    if (first.size() < keepInMemory) {
      first.add(reject);
    }
    try {
      out.write(reject.line() + "," + CsvCell.of(reject.column()) + "," + reject.reason() + "," + CsvCell.of(reject.message()) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the rejects report to " + file, e);
    }
  }

  /** A report for a file refused as a whole: one line, line 0. */
  void refusal(String code, String message) {
    try {
      out.write("0,," + code + "," + CsvCell.of(message) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the rejects report to " + file, e);
    }
  }

  List<Reject> first() {
    return List.copyOf(first);
  }

  /** Finishes the report and returns the file holding it. */
  Path finish() throws IOException {
    out.flush();
    return file;
  }

  @Override
  public void close() throws IOException {
    out.close();
    Files.deleteIfExists(file);
  }
}
