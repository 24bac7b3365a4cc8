package io.qualityhub.deadlines;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BranchDirectoryTest {

    private static BranchDirectory load(String json) {
        return BranchDirectory.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> problems(String json) {
        return assertThrows(InvalidBranchDirectoryException.class, () -> load(json)).problems();
    }

    @Test
    void namesEachBranchInBothLanguagesWithItsRegion() {
        BranchDirectory directory = load("""
                {"branches": {"TPE-01": {"name_zh": "台北一分公司", "name_en": "Taipei Branch 1", "region": "北區"},
                              "KHH-02": {"name_zh": "高雄二分公司", "name_en": "Kaohsiung Branch 2"}}}
                """);

        assertEquals(Optional.of(new BranchDirectory.BranchName("台北一分公司", "Taipei Branch 1", "北區")),
                directory.nameOf("TPE-01"));
        assertEquals(Optional.of(new BranchDirectory.BranchName("高雄二分公司", "Kaohsiung Branch 2", "")),
                directory.nameOf("KHH-02"));
        assertEquals(Optional.empty(), directory.nameOf("TXG-03"));
        assertEquals(Map.of("KHH-02", "高雄二分公司", "TPE-01", "台北一分公司"), directory.namesZh());
        assertEquals(Map.of("KHH-02", "Kaohsiung Branch 2", "TPE-01", "Taipei Branch 1"), directory.namesEn());
    }

    @Test
    void everyProblemIsNamedByItsJsonPath() {
        assertEquals(List.of(
                "$.owner: unknown key; expected one of branches (check the spelling)",
                "$.branches.tpe-1: not a branch id (2-16 of A-Z 0-9 -, as in the upload format)",
                "$.branches.KHH-02.name_en: missing; add the branch's name in English",
                "$.branches.TXG-03.nickname: unknown key; expected one of name_zh, name_en, region (check the spelling)",
                "$.branches.TXG-03.name_zh: must be one line without control characters",
                "$.branches.HUA-04: must be an object with name_zh, name_en and optionally region",
                "$.branches.ILA-05.name_zh: longer than 60 characters; shorten it"),
                problems("""
                        {"owner": "quality",
                         "branches": {"tpe-1": {"name_zh": "台北", "name_en": "Taipei"},
                                      "KHH-02": {"name_zh": "高雄二分公司"},
                                      "TXG-03": {"name_zh": "台中\\n三分公司", "name_en": "Taichung", "nickname": "x"},
                                      "HUA-04": "花蓮",
                                      "ILA-05": {"name_zh": "%s", "name_en": "Yilan"}}}
                        """.formatted("宜".repeat(61))));
    }

    @Test
    void aDocumentWithoutBranchesOrNotJsonIsRefused() {
        assertEquals(List.of("$.branches: missing; add one entry per branch, e.g. {\"TPE-01\": {\"name_zh\": \"...\","
                + " \"name_en\": \"...\"}}"), problems("{}"));
        assertEquals(1, problems("{\"branches\": ").size());
        assertEquals(BranchDirectory.EMPTY, BranchDirectory.fromSetting(" "));
    }

    @Test
    void aRegionOnTwoLinesIsRefusedAndANameOfSixtyCharactersIsKept() {
        String sixty = "宜".repeat(60);
        assertEquals(Optional.of(new BranchDirectory.BranchName(sixty, "Yilan", "")),
                load("{\"branches\": {\"ILA-05\": {\"name_zh\": \"%s\", \"name_en\": \"Yilan\"}}}".formatted(sixty))
                        .nameOf("ILA-05"));
        InvalidBranchDirectoryException error = assertThrows(InvalidBranchDirectoryException.class, () -> load("""
                {"branches": {"TPE-01": {"name_zh": "台北一分公司", "name_en": "Taipei Branch 1", "region": "北\\n區"}}}
                """));
        assertEquals(List.of("$.branches.TPE-01.region: must be one line without control characters"), error.problems());
        assertEquals("Branch directory is invalid (1 problem); fix the directory JSON and load it again:\n"
                + "  $.branches.TPE-01.region: must be one line without control characters", error.getMessage());
    }

    @Test
    void aSettingHoldsTheDirectoryAndAnAbsentSettingIsTheEmptyDirectory() {
        assertEquals(BranchDirectory.EMPTY, BranchDirectory.fromSetting(null));
        assertEquals(Map.of("TPE-01", "Taipei Branch 1"), BranchDirectory.fromSetting("""
                {"branches": {"TPE-01": {"name_zh": "台北一分公司", "name_en": "Taipei Branch 1"}}}
                """).namesEn());
    }
}
