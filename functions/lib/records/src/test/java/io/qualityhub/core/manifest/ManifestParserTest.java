package io.qualityhub.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.ManifestKey;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.RefusalReason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Branch manifests, format version 1: what is read, and what is refused with which words. */
class ManifestParserTest {

  private static final ManifestKey KEY = new ManifestKey("TPE-01", LocalDate.of(2026, 11, 20));
  private static final String SHA = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
  /** A value no message may repeat: planted where a branch or name would go. */
  private static final String PLANTED = "A123456789";

  @Test
  void aManifestListsEachFileWithItsRowsAndOptionalHashLowerCased() throws Exception {
    BranchManifest manifest = parse("""
        {"formatVersion": 1, "branch": "TPE-01", "businessDate": "2026-11-20",
         "files": [{"name": "claims.csv", "rows": 120, "sha256": "%s"},
                   {"name": "sales.jsonl.gz", "rows": 3}]}""".formatted(SHA));

    assertEquals(List.of(
        new DeclaredFile("claims.csv", RecordType.CLAIMS, 120, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
        new DeclaredFile("sales.jsonl.gz", RecordType.SALES, 3, null)), manifest.files());
    assertEquals("TPE-01", manifest.branch());
    assertEquals(LocalDate.of(2026, 11, 20), manifest.businessDate());
  }

  @Test
  void aManifestOfNoFilesSaysTheBranchSendsNothingThatDay() throws Exception {
    assertEquals(List.of(), parse("{\"formatVersion\":1,\"branch\":\"TPE-01\",\"businessDate\":\"2026-11-20\",\"files\":[]}").files());
  }

  @Test
  void aManifestLargerThanItsLimitIsRefusedWithoutReadingItWhole() {
    int[] read = {0};
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return ++read[0] > 100 * ManifestParser.MAX_BYTES ? -1 : ' ';
      }
    };
    FileRefusedException refused = assertThrows(FileRefusedException.class, () -> ManifestParser.read(endless, KEY));
    assertEquals(RefusalReason.INVALID_MANIFEST, refused.reason());
    assertEquals("the manifest is larger than 65536 bytes; a manifest of every record type takes under 2 KiB: check"
        + " that the file uploaded as manifest.json is the manifest", refused.getMessage());
    assertEquals(ManifestParser.MAX_BYTES + 1, read[0], "reads one byte past the limit, no more");
  }

  @Test
  void malformedJsonIsRefusedAtItsLineAndColumnWithoutQuotingIt() {
    assertRefused("{\"formatVersion\": 1,\n \"branch\": " + PLANTED + "}",
        "the manifest is not valid UTF-8 JSON at line 2, column 12 (one JSON object, each key once, objects nested at"
            + " most 4 deep)");
    assertRefused("{\"formatVersion\": 1, \"formatVersion\": 1}", "the manifest is not valid UTF-8 JSON at line 1, column 37"
        + " (one JSON object, each key once, objects nested at most 4 deep)");
    assertRefused("{\"files\": [[[[[1]]]]]}", "the manifest is not valid UTF-8 JSON at line 1, column 23 (one JSON"
        + " object, each key once, objects nested at most 4 deep)");
    assertRefused("{} {}", "the manifest is not valid UTF-8 JSON at line 1, column 4 (one JSON object, each key once,"
        + " objects nested at most 4 deep)");
    assertRefused("", "the manifest is empty");
    assertRefused("[1]", "the manifest must be one JSON object {\"formatVersion\": 1, \"branch\": ..., \"businessDate\":"
        + " ..., \"files\": [...]}");
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedAsInvalidJson() {
    byte[] latin1 = "{\"formatVersion\": 1, \"branch\": \"T\u00c9\"}".getBytes(StandardCharsets.ISO_8859_1);
    FileRefusedException refused = assertThrows(FileRefusedException.class, () -> ManifestParser.parse(latin1, KEY));
    assertTrue(refused.getMessage().startsWith("the manifest is not valid UTF-8 JSON at line 1"), refused.getMessage());
  }

  @Test
  void anotherBranchOrDateThanTheKeysIsRefusedNamingTheKeyNotTheValue() {
    assertRefused("{\"formatVersion\":1,\"branch\":\"" + PLANTED + "\",\"businessDate\":\"2026-11-20\",\"files\":[]}",
        "branch is not \"TPE-01\", the branch of its key incoming/TPE-01/2026-11-20/manifest.json: a manifest describes"
            + " the files of the branch and day it is uploaded under");
    assertRefused("{\"formatVersion\":1,\"branch\":\"TPE-01\",\"businessDate\":\"2026-11-21\",\"files\":[]}",
        "businessDate is not \"2026-11-20\", the date of its key incoming/TPE-01/2026-11-20/manifest.json: a manifest"
            + " describes the files of the branch and day it is uploaded under");
  }

  @Test
  void fieldsMissingOfTheWrongKindOrOutOfRangeAreRefusedByTheirPath() {
    assertRefused("{\"branch\":\"TPE-01\"}", "formatVersion is missing");
    assertRefused("{\"formatVersion\":2}", "formatVersion must be the number 1 (manifest format version 1)");
    assertRefused("{\"formatVersion\":\"1\"}", "formatVersion must be the number 1 (manifest format version 1)");
    assertRefused(day("{\"name\":\"claims.csv\",\"rows\":0}"), "files[0].rows must be a whole number from 1 to 10000000:"
        + " the file's data rows, header and blank lines not counted (a file without data rows is refused as"
        + " EMPTY_FILE, so leave it out of the manifest)");
    assertRefused(day("{\"name\":\"claims.csv\",\"rows\":12.5}"), "files[0].rows must be a whole number from 1 to"
        + " 10000000: the file's data rows, header and blank lines not counted (a file without data rows is refused as"
        + " EMPTY_FILE, so leave it out of the manifest)");
    assertRefused(day("{\"name\":\"claims.csv\",\"rows\":10000001}"), "files[0].rows must be a whole number from 1 to"
        + " 10000000: the file's data rows, header and blank lines not counted (a file without data rows is refused as"
        + " EMPTY_FILE, so leave it out of the manifest)");
    assertRefused(day("{\"name\":\"claims.csv\",\"rows\":\"120\"}"), "files[0].rows must be a whole number from 1 to"
        + " 10000000: the file's data rows, header and blank lines not counted (a file without data rows is refused as"
        + " EMPTY_FILE, so leave it out of the manifest)");
    assertRefused(day("{\"name\":\"claims.csv\",\"rows\":1,\"sha256\":\"" + PLANTED + "\"}"), "files[0].sha256 must be the"
        + " 64 hexadecimal digits of the uploaded object's SHA-256 (as sha256sum prints it), or be left out");
    assertRefused(day("{\"rows\":1}"), "files[0].name is missing");
    assertRefused("{\"formatVersion\":1,\"branch\":\"TPE-01\",\"businessDate\":\"2026-11-20\",\"files\":{}}",
        "files must be an array of {\"name\": ..., \"rows\": ..., \"sha256\": ...} objects");
    assertRefused(day("1"), "files[0] must be an object {\"name\": ..., \"rows\": ..., \"sha256\": ...}");
  }

  @Test
  void aFileNameThisBranchDoesNotUploadIsRefusedWithTheNamingRule() {
    assertRefused(day("{\"name\":\"policies.csv\",\"rows\":1}"), "files[0].name is not a file name this branch"
        + " uploads: record type must be one of sales, underwriting, followups, claims, complaints, surveys, violations,"
        + " findings, portfolio, inspectors");
    assertRefused(day("{\"name\":\"findings.csv\",\"rows\":1}"), "files[0].name is not a file name this branch uploads:"
        + " findings and inspectors are uploaded under branch QA only, and QA uploads only those");
    assertRefused(day("{\"name\":\"../claims.csv\",\"rows\":1}"), "files[0].name is not a file name this branch uploads:"
        + " the key must look like incoming/{branch}/{YYYY-MM-DD}/{type}.{csv|jsonl}[.gz]");
  }

  @Test
  void aRecordTypeNamedTwiceIsRefused() {
    assertRefused(day("{\"name\":\"claims.csv\",\"rows\":1},{\"name\":\"claims.jsonl\",\"rows\":1}"), "files[1] names a"
        + " second file of record type claims (files[0] is the first): a branch sends one file per record type and day");
  }

  @Test
  void anUnknownKeyIsNamedByItsNumberBecauseItMayBeAValueTypedInTheWrongPlace() {
    assertRefused("{\"formatVersion\":1,\"" + PLANTED + "\":1}", "key number 2 of the manifest is not one of"
        + " formatVersion, branch, businessDate, files");
    assertRefused(day("{\"name\":\"claims.csv\",\"rows\":1,\"" + PLANTED + "\":\"x\"}"), "key number 3 of files[0] is"
        + " not one of name, rows, sha256");
  }

  private static String day(String files) {
    return "{\"formatVersion\":1,\"branch\":\"TPE-01\",\"businessDate\":\"2026-11-20\",\"files\":[" + files + "]}";
  }

  private static BranchManifest parse(String json) throws IOException, FileRefusedException {
    return ManifestParser.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), KEY);
  }

  private static void assertRefused(String json, String message) {
    FileRefusedException refused = assertThrows(FileRefusedException.class, () -> parse(json));
    assertEquals(RefusalReason.INVALID_MANIFEST, refused.reason());
    assertEquals(message + "; see docs/upload-format.md, \"Branch manifests\", and upload the manifest again",
        refused.getMessage());
    assertFalse(refused.getMessage().toUpperCase(java.util.Locale.ROOT).contains(PLANTED), "the message quotes no value");
  }
}
