package io.qualityhub.intake;

/**
 * The {@code CURRENT} pointer of a file (branch, type, business date): which generation readers
 * use, and the one it replaced, kept so that a retried run can still withdraw the replaced rows.
 */
record CurrentFile(String generation, String versionId, String orderToken, String previousGeneration, String previousVersionId) {}
