package io.qualityhub.deadlines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The documents that stand alone, with no packaged document under them (recipients directory, upload calendar, branch
 * directory), read by the one policy loader (decision 0024): {@code null} is the same as leaving the key out, a
 * duplicate key is refused with its position, and a wrong type or an unknown key is reported by its JSON path.
 */
class StandaloneDocumentsTest {

  private static final List<String> RECORD_TYPES = List.of("claims", "complaints", "portfolio");

  private static InputStream json(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static RecipientsDirectory recipients(String text) {
    return RecipientsDirectory.load(json(text));
  }

  private static UploadCalendar calendar(String text) {
    return UploadCalendar.load(json(text), RECORD_TYPES, "upload-calendar");
  }

  private static BranchDirectory branches(String text) {
    return BranchDirectory.load(json(text));
  }

  private static <E extends RuntimeException> List<String> problems(Class<E> refusal, Runnable load,
      Function<E, List<String>> problemsOf) {
    return problemsOf.apply(assertThrows(refusal, load::run));
  }

  private static void assertDuplicateRefused(List<String> problems, String key) {
    assertEquals(1, problems.size(), String.join("\n", problems));
    assertTrue(problems.getFirst().startsWith("$: not valid JSON at line 1, column "), problems.getFirst());
    assertTrue(problems.getFirst().contains("Duplicate field '" + key + "'"), problems.getFirst());
    assertTrue(problems.getFirst().endsWith("; correct the JSON there"), problems.getFirst());
  }

  // ---- recipients directory

  @Test
  void aRecipientsDirectoryReadsWithANullLanguagesAsNoLanguages() {
    RecipientsDirectory directory = recipients("""
        {"defaults": {"head_office_quality": ["hq@example.com"]},
         "branches": {"TPE-01": {"branch_manager": ["tpe01@example.com"]}},
         "languages": null}""");

    assertEquals(List.of("tpe01@example.com"), directory.addressesFor("TPE-01", Role.BRANCH_MANAGER));
    assertEquals(List.of("hq@example.com"), directory.addressesFor("KHH-02", Role.HEAD_OFFICE_QUALITY));
    assertEquals(DigestLanguage.ZH_HANT_AND_EN, directory.languageOf("hq@example.com"));
  }

  @Test
  void aRecipientsDirectoryWithADuplicateRoleIsRefused() {
    assertDuplicateRefused(problems(InvalidRecipientsDirectoryException.class, () -> recipients("""
        {"defaults": {"head_office_quality": ["a@example.com"], "head_office_quality": ["b@example.com"]}, "branches": {}}"""),
        InvalidRecipientsDirectoryException::problems), "head_office_quality");
  }

  @Test
  void aRecipientsDirectoryWithAWrongTypeAndAnUnknownKeyIsRefusedByPath() {
    assertEquals(List.of(
            "$.owner: unknown key; expected one of defaults, branches, languages (check the spelling)",
            "$.branches: must be an object; add one entry per branch, e.g. {\"TPE-01\": {\"branch_manager\": [\"...\"]}}"),
        problems(InvalidRecipientsDirectoryException.class, () -> recipients("""
            {"defaults": {"head_office_quality": ["hq@example.com"]}, "branches": [], "owner": "quality"}"""),
            InvalidRecipientsDirectoryException::problems));
  }

  // ---- upload calendar

  @Test
  void anUploadCalendarReadsWithANullCutoffAsTheDefaultCutoff() {
    UploadCalendar calendar = calendar("""
        {"version": "2026-12-1", "cutoff": null,
         "branches": {"TXG-03": {"since": "2026-11-20", "expect": {"claims": "business_days", "portfolio": ["FRIDAY"]}}}}""");

    assertEquals("2026-12-1", calendar.version());
    assertEquals(LocalTime.NOON, calendar.cutoff());
    assertEquals(new BranchUploads(LocalDate.of(2026, 11, 20),
            Map.of("claims", Set.of(), "portfolio", Set.of(DayOfWeek.FRIDAY))),
        calendar.configured("TXG-03").orElseThrow());
  }

  @Test
  void anUploadCalendarWithADuplicateKeyIsRefused() {
    assertDuplicateRefused(problems(InvalidUploadCalendarException.class, () -> calendar("""
        {"version": "1", "cutoff": "12:00", "cutoff": "18:00", "branches": {}}"""),
        InvalidUploadCalendarException::problems), "cutoff");
  }

  @Test
  void anUploadCalendarWithAWrongTypeAndAnUnknownKeyIsRefusedByPath() {
    assertEquals(List.of(
            "$.timezone: unknown key; expected one of version, cutoff, branches (check the spelling)",
            "$.cutoff: must be a non-empty string; give the time as HH:MM, e.g. 12:00",
            "$.branches.TXG-03.until: unknown key; expected one of since, expect (check the spelling)"),
        problems(InvalidUploadCalendarException.class, () -> calendar("""
            {"version": "1", "cutoff": 12, "timezone": "Asia/Taipei",
             "branches": {"TXG-03": {"since": "2026-11-20", "until": "2027-01-01", "expect": {}}}}"""),
            InvalidUploadCalendarException::problems));
  }

  // ---- branch directory

  @Test
  void aBranchDirectoryReadsWithANullRegionAsNoRegion() {
    BranchDirectory directory = branches("""
        {"branches": {"TPE-01": {"name_zh": "台北一分公司", "name_en": "Taipei Branch 1", "region": null}}}""");

    assertEquals(new BranchDirectory.BranchName("台北一分公司", "Taipei Branch 1", ""),
        directory.nameOf("TPE-01").orElseThrow());
  }

  @Test
  void aBranchDirectoryWithADuplicateBranchIsRefused() {
    assertDuplicateRefused(problems(InvalidBranchDirectoryException.class, () -> branches("""
        {"branches": {"TPE-01": {"name_zh": "甲", "name_en": "A"}, "TPE-01": {"name_zh": "乙", "name_en": "B"}}}"""),
        InvalidBranchDirectoryException::problems), "TPE-01");
  }

  @Test
  void aBranchDirectoryWithAWrongTypeAndAnUnknownKeyIsRefusedByPath() {
    assertEquals(List.of(
            "$.branches.TPE-01.city: unknown key; expected one of name_zh, name_en, region (check the spelling)",
            "$.branches.TPE-01.name_en: must be a non-empty string; add the branch's name in English"),
        problems(InvalidBranchDirectoryException.class, () -> branches("""
            {"branches": {"TPE-01": {"name_zh": "台北一分公司", "name_en": 5, "city": "Taipei"}}}"""),
            InvalidBranchDirectoryException::problems));
  }

  @Test
  void aDocumentThatIsNotAnObjectIsRefusedAtItsRoot() {
    assertEquals(List.of("$: must be a JSON object, was array; write the document as one JSON object {...}"),
        problems(InvalidBranchDirectoryException.class, () -> branches("[]"), InvalidBranchDirectoryException::problems));
  }
}
