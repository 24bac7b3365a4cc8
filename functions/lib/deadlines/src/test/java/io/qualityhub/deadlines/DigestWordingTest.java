package io.qualityhub.deadlines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DigestWordingTest {

  @Test
  void everyProductLineComplexityAndSeverityOfTheFormatHasItsChineseWord() {
    assertEquals("壽險、健康險、傷害險、財產險、汽車險",
        DigestWording.ZH_HANT.category("life, health, accident, property, auto"));
    assertEquals("健康險、簡易案件", DigestWording.ZH_HANT.category("health, simple"));
    assertEquals("汽車險、複雜案件、綠色通道", DigestWording.ZH_HANT.category("auto, complex, green channel"));
    assertEquals("一般", DigestWording.ZH_HANT.category("general"));
    assertEquals("重大", DigestWording.ZH_HANT.category("major"));
  }

  @Test
  void theCalculatorsOtherCategoriesAndEnglishKeepTheirWords() {
    assertEquals("抽查 INS-8", DigestWording.ZH_HANT.category("inspection INS-8"));
    assertEquals("claims 檔案", DigestWording.ZH_HANT.category("claims file"));
    assertEquals("life, complex, green channel", DigestWording.EN.category("life, complex, green channel"));
  }
}
