package io.qualityhub.core.parse;

import io.qualityhub.core.format.FileRefusedException;
import java.io.Closeable;
import java.io.IOException;

/** Streams the data rows of one file, one at a time, holding no more than the current row. */
public interface RowReader extends Closeable {

  /** The next data row, or {@code null} at the end of the file. */
  ParsedRow next() throws IOException, FileRefusedException;
}
