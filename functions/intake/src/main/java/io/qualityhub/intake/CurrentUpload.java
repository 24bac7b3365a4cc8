package io.qualityhub.intake;

/**
 * A file's {@code CURRENT} item as the manifest check needs it: the pointer, and the figures of the upload it
 * points at. A pointer whose generation starts with {@value #WITHDRAWN_PREFIX} stands for an upload withdrawn
 * because it disagreed with its manifest: no row carries that generation, so readers see none of the file.
 *
 * @param objectKey the object key of the upload the pointer names
 * @param rowsRead the upload's data rows
 * @param withdrawnFor the refusal ({@code CODE: message}) of a withdrawn upload, else {@code null}
 * @param withdrawalFinished whether every step of the withdrawal is done (rows deleted, states rebuilt, told)
 * @param rewrittenByErasure whether the upload is an erasure's rewrite, which no manifest describes
 */
record CurrentUpload(CurrentFile pointer, String objectKey, long rowsRead, String sha256, String withdrawnFor,
    boolean withdrawalFinished, boolean rewrittenByErasure) {

  static final String WITHDRAWN_PREFIX = "withdrawn:";

  boolean isWithdrawal() {
    return withdrawnFor != null;
  }

  /**
   * The pointer that withdraws this upload: a generation no row has, the withdrawn one kept as replaced (so the
   * usual withdrawal of a replaced generation deletes its rows), and an order token just after the upload's, so
   * a late delivery of the same upload is superseded while any later upload of the file becomes current.
   */
  CurrentFile withdrawing() {
    return new CurrentFile(WITHDRAWN_PREFIX + pointer.generation(), null, pointer.orderToken() + "~",
        pointer.generation(), pointer.versionId());
  }
}
