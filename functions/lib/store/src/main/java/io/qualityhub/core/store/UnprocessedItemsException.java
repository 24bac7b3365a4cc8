package io.qualityhub.core.store;

/** DynamoDB kept returning items as unprocessed; the batch is failed so the message is retried, not lost. */
public final class UnprocessedItemsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnprocessedItemsException(String table, int items, int attempts) {
    super(items + " items still unprocessed by " + table + " after " + attempts
        + " attempts; the table is throttled - the message will be retried");
  }
}
