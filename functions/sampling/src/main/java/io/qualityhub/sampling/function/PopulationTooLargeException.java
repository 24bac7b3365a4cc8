package io.qualityhub.sampling.function;

/** The population read more items than its bound allows; sampling a truncated population would be wrong. */
public final class PopulationTooLargeException extends RuntimeException {

  public PopulationTooLargeException(String table, long maxItemsRead) {
    super("reading the sampling population read more than " + maxItemsRead + " items of table " + table
        + " (its period index and file pointers); raise SAMPLING_MAX_ITEMS_READ if a period has grown that large"
        + " (docs/sampling.md, \"Wiring\")");
  }
}
