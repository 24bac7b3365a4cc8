package io.qualityhub.reports.function;

import io.qualityhub.core.store.ErasureResult;

/**
 * An erasure that was carried out, but whose record could not be appended to the audit trail. Sending the request
 * again is recorded, with the rows that call erased (none, when the first one finished).
 */
public final class ErasureNotOnTrailException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final transient ErasureResult result;

  public ErasureNotOnTrailException(ErasureResult result, Throwable cause) {
    super("erasure " + result.requestId() + " WAS carried out (" + result.itemsErased() + " rows) but could not be put on"
        + " the audit trail: check access to the reports table and report the gap to whoever reviews the trail", cause);
    this.result = result;
  }

  public ErasureResult result() {
    return result;
  }
}
