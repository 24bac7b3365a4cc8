package io.qualityhub.core.validate;

import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.RefusalReason;
import io.qualityhub.core.format.RejectReason;
import io.qualityhub.core.format.Timestamps;
import io.qualityhub.core.parse.ParsedRow;
import io.qualityhub.core.parse.RowReader;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One pass over a file: every row validated, repeated ids caught, valid rows handed to a
 * {@link RowSink} and problems to a reject consumer. The outcome depends only on the file's
 * bytes, so a second pass over the same object accepts exactly the same rows.
 */
public final class FileScanner {

  /** Upload format version 1 allows at most this many rows per file. */
  public static final long MAX_ROWS = 10_000_000;

  private final RecordType type;
  private final RowValidator validator;
  private final long maxRows;
  private final Supplier<IdIndex> idIndexes;

  public FileScanner(RecordType type, String branch) {
    this(type, branch, MAX_ROWS);
  }

  FileScanner(RecordType type, String branch, long maxRows) {
    this(type, branch, maxRows, IdIndex::new);
  }

  /** A scanner whose id index comes from {@code idIndexes}: tests force fingerprint collisions with it. */
  FileScanner(RecordType type, String branch, long maxRows, Supplier<IdIndex> idIndexes) {
    this.type = type;
    this.validator = new RowValidator(type, branch);
    this.maxRows = maxRows;
    this.idIndexes = idIndexes;
  }

  public ScanResult scan(RowReader rows, RowSink accepted, Consumer<Reject> rejects)
      throws IOException, FileRefusedException {
    try (IdIndex ids = idIndexes.get()) {
      return scan(rows, accepted, rejects, ids);
    }
  }

  private ScanResult scan(RowReader rows, RowSink accepted, Consumer<Reject> rejects, IdIndex ids)
      throws IOException, FileRefusedException {
    int idIndex = type.idIndex();
    int versionIndex = type.versionColumn().map(type::indexOf).orElse(-1);
    long read = 0;
    long good = 0;
    long bad = 0;
    ParsedRow row;
    while ((row = rows.next()) != null) {
      if (++read > maxRows) {
        throw new FileRefusedException(RefusalReason.TOO_MANY_ROWS,
            "the file has more than " + maxRows + " rows; split it into several files");
      }
      Reject reject = validator.check(row);
      if (reject == null) {
        int firstLine = ids.firstLine(identity(row.values(), idIndex, versionIndex), row.line());
        if (firstLine != 0) {
          reject = new Reject(row.line(), type.idColumn(), RejectReason.DUPLICATE_ID,
              RejectReason.DUPLICATE_ID.message(firstLine));
        }
      }
      if (reject == null) {
        good++;
        accepted.accept(row.line(), row.values());
      } else {
        bad++;
        rejects.accept(reject);
      }
    }
    if (read == 0) {
      throw new FileRefusedException(RefusalReason.EMPTY_FILE, "the file holds no data rows");
    }
    return new ScanResult(read, good, bad);
  }

  /**
   * Claims and complaints repeat an id once per state change; the same id at the same instant is a duplicate. The
   * instant is written as its epoch second and nanosecond, which name it as exactly as its ISO form and cost far less.
   */
  private static String identity(String[] values, int idIndex, int versionIndex) {
    if (versionIndex < 0) {
      return values[idIndex];
    }
    Instant version = Timestamps.parse(values[versionIndex]).toInstant();
    return values[idIndex] + '\u0000' + version.getEpochSecond() + '.' + version.getNano();
  }
}
