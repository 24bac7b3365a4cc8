package io.qualityhub.reports.report;

import java.time.Instant;
import java.util.Objects;

/**
 * What a report says of the snapshot it was built from, so that anyone holding the report can find the snapshot,
 * check it is the one ({@code digest}) and rebuild the report from it.
 *
 * @param id     where the snapshot is kept, e.g. {@code 2026-11/20261201T060000Z-3f2a9c1b5d7e0a12}
 * @param digest the SHA-256 (lower-case hex) of the snapshot's bytes
 * @param asOf   the instant the report order was built as of: the only clock reading a report depends on
 */
public record SnapshotReference(String id, String digest, String targetsVersion, String deadlinePolicyVersion,
                                Instant asOf, String generator) {

    public SnapshotReference {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(targetsVersion, "targetsVersion");
        Objects.requireNonNull(deadlinePolicyVersion, "deadlinePolicyVersion");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(generator, "generator");
    }
}
