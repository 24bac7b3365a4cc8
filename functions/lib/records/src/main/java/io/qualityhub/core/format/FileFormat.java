package io.qualityhub.core.format;

/** The two encodings a branch file may use. */
public enum FileFormat {
  CSV("csv"),
  JSON_LINES("jsonl");

  private final String extension;

  FileFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }
}
