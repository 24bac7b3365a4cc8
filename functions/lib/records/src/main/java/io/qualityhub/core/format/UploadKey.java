package io.qualityhub.core.format;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed object key {@code incoming/{branch}/{business-date}/{record-type}.{csv|jsonl}[.gz]}:
 * which branch, day and record type a file holds, and how it is encoded.
 */
public record UploadKey(String branch, LocalDate businessDate, RecordType type, FileFormat format, boolean gzipped) {

  public static final String INCOMING_PREFIX = "incoming/";
  /** The pseudo-branch under which the quality department uploads inspection findings and its inspector roster. */
  public static final String QUALITY_BRANCH = "QA";

  private static final Pattern BRANCH = Pattern.compile("[A-Z0-9-]{2,16}");
  private static final Pattern FILE_NAME = Pattern.compile("([a-z]+)\\.(csv|jsonl)(\\.gz)?");

  public UploadKey {
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(businessDate, "businessDate");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(format, "format");
  }

  /** Parses an object key, refusing with a reason that tells branch IT how the key should look. */
  public static UploadKey parse(String key) throws FileRefusedException {
    if (!key.startsWith(INCOMING_PREFIX)) {
      throw invalid("the key must start with incoming/");
    }
    String[] parts = key.substring(INCOMING_PREFIX.length()).split("/", -1);
    if (parts.length != 3) {
      throw invalid("the key must look like incoming/{branch}/{YYYY-MM-DD}/{type}.{csv|jsonl}[.gz]");
    }
    String branch = checkedBranch(parts[0]);
    LocalDate date = checkedDate(parts[1]);
    Matcher name = FILE_NAME.matcher(parts[2]);
    if (!name.matches()) {
      throw invalid("file name must be {type}.csv or {type}.jsonl, optionally followed by .gz");
    }
    RecordType type = RecordType.fromWireName(name.group(1)).orElseThrow(
        () -> invalid("record type must be one of " + String.join(", ", RecordType.wireNames())));
    if (isQualityType(type) != QUALITY_BRANCH.equals(branch)) {
      throw invalid("findings and inspectors are uploaded under branch QA only, and QA uploads only those");
    }
    FileFormat format = name.group(2).equals("csv") ? FileFormat.CSV : FileFormat.JSON_LINES;
    return new UploadKey(branch, date, type, format, name.group(3) != null);
  }

  /** The wire names of the types branches upload: every type but the quality department's own. */
  public static List<String> branchTypes() {
    return java.util.Arrays.stream(RecordType.values()).filter(type -> !isQualityType(type)).map(RecordType::wireName).toList();
  }

  private static boolean isQualityType(RecordType type) {
    return type == RecordType.FINDINGS || type == RecordType.INSPECTORS;
  }

  /** Identifies the file across re-uploads: one per branch, business date and record type. */
  public String fileId() {
    return branch + "#" + type.wireName() + "#" + businessDate;
  }

  /** The file's name as uploaded, e.g. {@code claims.csv.gz}: what a branch manifest names it by. */
  public String fileName() {
    return type.wireName() + "." + format.extension() + (gzipped ? ".gz" : "");
  }

  /** Where this file's rejects report is written. */
  public String rejectsKey() {
    return "rejects/" + branch + "/" + businessDate + "/" + type.wireName() + ".csv";
  }

  static String checkedBranch(String branch) throws FileRefusedException {
    if (!BRANCH.matcher(branch).matches()) {
      throw invalid("branch must be 2-16 characters of A-Z, 0-9 and '-'");
    }
    return branch;
  }

  static LocalDate checkedDate(String date) throws FileRefusedException {
    try {
      return LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw invalid("business date must be a real date written YYYY-MM-DD");
    }
  }

  static FileRefusedException invalid(String what) {
    return new FileRefusedException(RefusalReason.INVALID_KEY, what);
  }
}
