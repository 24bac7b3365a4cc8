package io.qualityhub.core.store;

import java.util.Optional;

/**
 * The sensitive columns a customer can be found by, each with its blind-index term attribute and
 * the index over it (template.yaml: ByIdNumber, ByPhone). The domain keeps an ID number and a
 * phone number that happen to be written alike from sharing a term.
 */
public enum BlindIndexedColumn {
  ID_NUMBER("customer_id_no", "id_no", RecordItemMapper.BLIND_ID_NO, "ByIdNumber"),
  PHONE("customer_phone", "phone", RecordItemMapper.BLIND_PHONE, "ByPhone");

  private final String column;
  private final String domain;
  private final String termAttribute;
  private final String indexName;

  BlindIndexedColumn(String column, String domain, String termAttribute, String indexName) {
    this.column = column;
    this.domain = domain;
    this.termAttribute = termAttribute;
    this.indexName = indexName;
  }

  /** The blind-indexed column of that upload-format name, if it is one. */
  public static Optional<BlindIndexedColumn> forColumn(String column) {
    for (BlindIndexedColumn indexed : values()) {
      if (indexed.column.equals(column)) {
        return Optional.of(indexed);
      }
    }
    return Optional.empty();
  }

  /** The upload-format column holding the value, e.g. {@code customer_id_no}. */
  public String column() {
    return column;
  }

  /** What {@link io.qualityhub.core.crypto.BlindIndex#term} is given as domain. */
  public String domain() {
    return domain;
  }

  public String termAttribute() {
    return termAttribute;
  }

  public String indexName() {
    return indexName;
  }
}
