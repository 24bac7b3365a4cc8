package io.qualityhub.core.validate;

import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.UploadKey;
import io.qualityhub.core.parse.ParsedRow;
import io.qualityhub.core.parse.RowReader;
import io.qualityhub.core.parse.UploadDecoder;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads again a file version intake accepted, through the same decoder and validation, so every
 * reader (intake's later passes, findings, report aggregates) sees exactly the rows intake stored,
 * in file order. Validation depends only on the bytes, so a version that passed once passes again;
 * if it does not, its bytes changed and {@link ChangedContentException} says so.
 */
public final class AcceptedRows {

  private final UploadDecoder decoder;

  public AcceptedRows(UploadDecoder decoder) {
    this.decoder = decoder;
  }

  public static AcceptedRows formatVersion1() {
    return new AcceptedRows(UploadDecoder.formatVersion1());
  }

  /**
   * Feeds each accepted row of {@code raw} to {@code sink}.
   *
   * @param source names the object version in the error, e.g. "incoming/TPE-01/... version 3"
   */
  public void forEach(InputStream raw, UploadKey key, String source, RowSink sink) throws IOException {
    try (RowReader rows = decoder.open(raw, key.type(), key.format(), key.gzipped())) {
      new FileScanner(key.type(), key.branch()).scan(rows, sink, reject -> { });
    } catch (FileRefusedException e) {
      throw new ChangedContentException(source + " was accepted before and is refused now; its bytes changed", e);
    }
  }

  /**
   * Feeds every row of {@code raw} that can be read at all, unvalidated and without the duplicate check, for a caller
   * that picks rows by the lines an earlier pass over the same version accepted (intake's latest states): a pass that
   * parses only, about half the cost of {@link #forEach}. Rows with no values (structurally broken) are left out.
   */
  public void forEachReadable(InputStream raw, UploadKey key, String source, RowSink sink) throws IOException {
    try (RowReader rows = decoder.open(raw, key.type(), key.format(), key.gzipped())) {
      ParsedRow row;
      while ((row = rows.next()) != null) {
        if (!row.isBroken()) {
          sink.accept(row.line(), row.values());
        }
      }
    } catch (FileRefusedException e) {
      throw new ChangedContentException(source + " was accepted before and is refused now; its bytes changed", e);
    }
  }

  /** A file version that passed validation no longer does: its stored bytes are not what intake read. */
  public static final class ChangedContentException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    ChangedContentException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
