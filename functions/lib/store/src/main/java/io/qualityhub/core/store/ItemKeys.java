package io.qualityhub.core.store;

import io.qualityhub.core.format.RecordType;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The single-table key layout. A record's partition holds one item per file generation that
 * carried it (for claims and complaints, one per state row), plus a {@code STATE} item with the
 * latest state; a file's partition holds its {@code CURRENT} pointer and one batch record per
 * generation. Record ids spread partitions, so a large file's writes do not pile onto one.
 */
public final class ItemKeys {

  public static final String PK = "pk";
  public static final String SK = "sk";
  public static final String STATE_SK = "STATE";
  public static final String CURRENT_SK = "CURRENT";
  /**
   * The branch directory's partition: one item per branch that ever sent a file, sort key the branch code, so
   * company-wide readers can ask every branch's per-branch indexes, including a branch that has gone quiet.
   */
  public static final String BRANCHES_PK = "BRANCHES";

  /** The instant an arrivals-ledger item records ({@link #uploadsPk}), ISO-8601 UTC. */
  public static final String ARRIVED_AT = "arrivedAt";
  /** The sort key prefix of the arrivals ledger's expectation entries ({@link #manifestNamedSk}). */
  public static final String MANIFEST_NAMED_PREFIX = "named#";
  /** The record types (wire names) a {@link #manifestNamedSk} entry lists. */
  public static final String NAMED_TYPES = "types";

  private ItemKeys() {}

  /**
   * The arrivals ledger: one partition per business date, one item per branch and record type taken for it
   * ({@link #uploadSk}), with the instant it was first taken ({@link #ARRIVED_AT}). The monitor reads a date with one
   * query to find the missing and late uploads (docs/uploads.md).
   */
  public static String uploadsPk(LocalDate businessDate) {
    return "UPLOADS#" + businessDate;
  }

  public static String uploadSk(String branch, String type) {
    return branch + "#" + type;
  }

  /**
   * The files the branch's manifest in force names for the business date, in the same partition as its arrivals
   * ({@link #uploadsPk}), so the monitor's one query per date finds both. Lower case, which no branch code has, so
   * an expectation never reads as an arrival.
   */
  public static String manifestNamedSk(String branch) {
    return MANIFEST_NAMED_PREFIX + branch;
  }

  public static String recordPk(RecordType type, String branch, String id) {
    return "REC#" + type.wireName() + "#" + branch + "#" + id;
  }

  /** One item per file generation; state rows add the instant of their version so each state change is kept. */
  public static String rowSk(LocalDate businessDate, String generation, Instant version) {
    String base = businessDate + "#" + generation;
    return version == null ? base : base + "#" + version;
  }

  public static String filePk(String fileId) {
    return "FILE#" + fileId;
  }

  /** A branch manifest's partition: the manifest in force ({@code CURRENT}) and a batch record per upload of it. */
  public static String manifestPk(String branch, LocalDate businessDate) {
    return "MANIFEST#" + branch + "#" + businessDate;
  }

  public static String batchSk(String generation) {
    return "GEN#" + generation;
  }
}
