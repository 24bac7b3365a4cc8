package io.qualityhub.reports.aggregate;

import io.qualityhub.core.format.RecordType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where an aggregate's data came from: one of the upload format's record types ({@link #of}), or one of the monitor's
 * two sources that no upload carries. There is one instance per source, so sources compare with {@code ==};
 * {@link #name()} is how aggregate keys and their JSON spell it (the record type's constant name, e.g. {@code CLAIMS}).
 */
public final class AggregateOrigin {

  private static final Map<RecordType, AggregateOrigin> UPLOAD_TYPES = new EnumMap<>(RecordType.class);

  static {
    for (RecordType type : RecordType.values()) {
      UPLOAD_TYPES.put(type, new AggregateOrigin(type.name(), type));
    }
  }

  /** The monitor's daily snapshot of open items. */
  public static final AggregateOrigin MONITOR_SNAPSHOT = new AggregateOrigin("MONITOR_SNAPSHOT", null);
  /** The monitor's verdict on a business date's expected branch files, once their cutoff passed (docs/uploads.md). */
  public static final AggregateOrigin UPLOADS = new AggregateOrigin("UPLOADS", null);

  private final String name;
  private final RecordType uploadType;

  private AggregateOrigin(String name, RecordType uploadType) {
    this.name = name;
    this.uploadType = uploadType;
  }

  public static AggregateOrigin of(RecordType uploadType) {
    return UPLOAD_TYPES.get(uploadType);
  }

  /**
   * The source a stored key names.
   *
   * @throws IllegalArgumentException when the name is no source's
   */
  public static AggregateOrigin valueOf(String name) {
    if (MONITOR_SNAPSHOT.name.equals(name)) {
      return MONITOR_SNAPSHOT;
    }
    if (UPLOADS.name.equals(name)) {
      return UPLOADS;
    }
    return of(RecordType.valueOf(name));
  }

  public String name() {
    return name;
  }

  /** The upload record type, or empty for the monitor's own sources. */
  public Optional<RecordType> uploadType() {
    return Optional.ofNullable(uploadType);
  }

  @Override
  public String toString() {
    return name;
  }
}
