package io.qualityhub.intake;

import io.qualityhub.core.validate.ScanResult;

/**
 * The figures of an upload the file's {@code CURRENT} pointer repeats, so readers see counts without a second lookup.
 *
 * @param versionId the object version, {@code null} in an unversioned bucket
 * @param rewrittenByErasure whether an erasure wrote the upload: no branch manifest holds it to control totals
 */
record FileFigures(String objectKey, String versionId, String sha256, ScanResult scan, boolean rewrittenByErasure) {}
