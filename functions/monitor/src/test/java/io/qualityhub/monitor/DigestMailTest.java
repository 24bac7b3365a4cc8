package io.qualityhub.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.deadlines.Digest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The digest as a MIME message: the parts a mail client shows, decoded back to exactly the digest's bodies. */
class DigestMailTest {

  private static final Instant RUN = Instant.parse("2026-11-23T00:00:00Z");
  private final DigestMail mail = new DigestMail("alerts@qualityhub.example", ZoneId.of("Asia/Taipei"));

  @Test
  void theMessageCarriesTheTextAndHtmlBodiesAsAlternatives() {
    String text = "QualityHub deadline digest\nOVERDUE: 1\n    - claim | 理賠-0041 | settlement\n";
    String html = "<!DOCTYPE html>\n<html><body><td>理賠-0041</td></body></html>\n";
    Digest digest = new Digest("tpe01-manager@qualityhub.example", "QualityHub deadlines 2026-11-23: 1 overdue", text, html,
        List.of());

    String message = new String(mail.message(digest, RUN), StandardCharsets.US_ASCII);

    List<String> lines = message.lines().toList();
    assertEquals(List.of(
        "From: QualityHub <alerts@qualityhub.example>",
        "To: tpe01-manager@qualityhub.example",
        "Subject: QualityHub deadlines 2026-11-23: 1 overdue",
        "Date: Mon, 23 Nov 2026 08:00:00 +0800",
        "MIME-Version: 1.0",
        "Content-Type: multipart/alternative; boundary=\"=_qualityhub-digest\""), lines.subList(0, 6));
    assertTrue(message.lines().allMatch(line -> line.length() <= 78), "no line longer than RFC 5322 recommends");
    assertTrue(message.contains("\r\n") && !message.replace("\r\n", "").contains("\n"), "every line ends in CRLF");
    assertEquals(List.of("text/plain; charset=UTF-8|" + text, "text/html; charset=UTF-8|" + html), parts(message));
  }

  @Test
  void aSubjectOutsidePrintableAsciiBecomesEncodedWordsThatDecodeBack() {
    String subject = "QualityHub 期限提醒 2026-11-23：1 件逾期，請儘速處理相關理賠與申訴案件，謝謝合作";

    String header = DigestMail.headerText(subject);

    StringBuilder decoded = new StringBuilder();
    for (String word : header.split("\r\n ")) {
      assertTrue(word.length() <= 75, "an encoded word is at most 75 characters: " + word);
      assertTrue(word.startsWith("=?UTF-8?B?") && word.endsWith("?="), word);
      decoded.append(new String(Base64.getDecoder().decode(word.substring(10, word.length() - 2)), StandardCharsets.UTF_8));
    }
    assertEquals(subject, decoded.toString());
    assertTrue(header.split("\r\n ").length > 1, "a long subject is folded");
  }

  @Test
  void aLineBreakCannotReachAHeaderAsIs() {
    String header = DigestMail.headerText("overdue\r\nBcc: someone@elsewhere.example");

    assertTrue(!header.contains("Bcc:") && header.startsWith("=?UTF-8?B?"), header);
  }

  /** "content type|decoded body" of each part, in order. */
  private static List<String> parts(String message) {
    List<String> parts = new ArrayList<>();
    String[] sections = message.split("\r\n--=_qualityhub-digest");
    for (int i = 1; i < sections.length; i++) {
      if (sections[i].startsWith("--")) {
        break;
      }
      String[] headAndBody = sections[i].split("\r\n\r\n", 2);
      String contentType = headAndBody[0].lines().filter(line -> line.startsWith("Content-Type: ")).findFirst().orElseThrow()
          .substring("Content-Type: ".length());
      assertTrue(headAndBody[0].contains("Content-Transfer-Encoding: base64"));
      String body = new String(Base64.getMimeDecoder().decode(headAndBody[1].strip()), StandardCharsets.UTF_8);
      parts.add(contentType + "|" + body);
    }
    return parts;
  }
}
