package io.qualityhub.core.validate;

import java.io.IOException;

/** Receives each valid row of a file, in file order, as the scan reaches it. */
@FunctionalInterface
public interface RowSink {

  /** @param values the row's values by column index of its record type ({@code null} = absent) */
  void accept(int line, String[] values) throws IOException;
}
