package io.qualityhub.core.validate;

import io.qualityhub.core.format.FileFormat;
import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.parse.UploadDecoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Runs a file's bytes through decoding and validation, collecting what a test needs to assert. */
final class ScanFixture {

  final List<Integer> acceptedLines = new ArrayList<>();
  final List<String[]> acceptedValues = new ArrayList<>();
  final List<Reject> rejects = new ArrayList<>();
  ScanResult result;

  static ScanFixture scan(RecordType type, FileFormat format, String content) throws IOException, FileRefusedException {
    return scan(type, format, content.getBytes(StandardCharsets.UTF_8), false);
  }

  static ScanFixture scan(RecordType type, FileFormat format, byte[] bytes, boolean gzipped)
      throws IOException, FileRefusedException {
    return scan("TPE-01", type, format, bytes, gzipped);
  }

  static ScanFixture scan(String branch, RecordType type, FileFormat format, byte[] bytes, boolean gzipped)
      throws IOException, FileRefusedException {
    ScanFixture fixture = new ScanFixture();
    try (var rows = UploadDecoder.formatVersion1().open(new ByteArrayInputStream(bytes), type, format, gzipped)) {
      fixture.result = new FileScanner(type, branch).scan(rows, (line, values) -> {
        fixture.acceptedLines.add(line);
        fixture.acceptedValues.add(values);
      }, fixture.rejects::add);
    }
    return fixture;
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  /** "line:column:REASON" for each reject, the shape most assertions compare. */
  List<String> rejectSummary() {
    return rejects.stream().map(r -> r.line() + ":" + r.column() + ":" + r.reason()).toList();
  }
}
