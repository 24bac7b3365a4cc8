package io.qualityhub.sampling.function;

/** The population scan read more items than its bound allows; sampling a truncated population would be wrong. */
public final class PopulationTooLargeException extends RuntimeException {

  public PopulationTooLargeException(String table, long maxItemsRead) {
    super("reading the sampling population scanned more than " + maxItemsRead + " items of table " + table
        + "; raise SAMPLING_MAX_ITEMS_READ if the table has grown that large, or add the period index described in"
        + " docs/sampling.md");
  }
}
