package io.qualityhub.monitor;

import io.qualityhub.deadlines.Digest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * A digest as an RFC 5322 / MIME message: {@code multipart/alternative} with the plain-text and the
 * HTML body, both UTF-8 in base64. The same bytes go to SES and, locally, into an {@code .eml} file
 * that a mail client opens.
 */
final class DigestMail {

  /** Base64 never contains "-" or "=_", so the boundary cannot occur inside a body. */
  private static final String BOUNDARY = "=_qualityhub-digest";
  private static final String CRLF = "\r\n";
  /** 45 bytes make 60 base64 characters: with "=?UTF-8?B?" and "?=", 72 of the 75 an encoded word may have. */
  private static final int MAX_WORD_BYTES = 45;

  private final String sender;
  private final ZoneId zone;

  /**
   * @param sender the From address, a verified SES identity
   * @param zone   the company time zone, for the Date header
   */
  DigestMail(String sender, ZoneId zone) {
    this.sender = sender;
    this.zone = zone;
  }

  byte[] message(Digest digest, Instant runAt) {
    StringBuilder mail = new StringBuilder()
        .append("From: QualityHub <").append(sender).append('>').append(CRLF)
        .append("To: ").append(digest.recipient()).append(CRLF)
        .append("Subject: ").append(headerText(digest.subject())).append(CRLF)
        .append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(runAt.atZone(zone))).append(CRLF)
        .append("MIME-Version: 1.0").append(CRLF)
        .append("Content-Type: multipart/alternative; boundary=\"").append(BOUNDARY).append('"').append(CRLF)
        .append(CRLF)
        .append("This is a multi-part message in MIME format.").append(CRLF);
    part(mail, "text/plain", digest.text());
    part(mail, "text/html", digest.html());
    mail.append("--").append(BOUNDARY).append("--").append(CRLF);
    return mail.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static void part(StringBuilder mail, String contentType, String body) {
    mail.append("--").append(BOUNDARY).append(CRLF)
        .append("Content-Type: ").append(contentType).append("; charset=UTF-8").append(CRLF)
        .append("Content-Transfer-Encoding: base64").append(CRLF)
        .append(CRLF)
        .append(Base64.getMimeEncoder(76, CRLF.getBytes(StandardCharsets.US_ASCII))
            .encodeToString(body.getBytes(StandardCharsets.UTF_8)))
        .append(CRLF);
  }

  /**
   * The text itself when it is printable ASCII, else RFC 2047 encoded words of at most 75 characters
   * on folded lines, never splitting a character; a header never carries a raw line break.
   */
  static String headerText(String text) {
    if (text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      return text;
    }
    StringBuilder words = new StringBuilder();
    StringBuilder chunk = new StringBuilder();
    text.codePoints().forEach(c -> {
      String next = new String(Character.toChars(c));
      if ((chunk + next).getBytes(StandardCharsets.UTF_8).length > MAX_WORD_BYTES) {
        appendWord(words, chunk.toString());
        chunk.setLength(0);
      }
      chunk.append(next);
    });
    appendWord(words, chunk.toString());
    return words.toString();
  }

  private static void appendWord(StringBuilder words, String chunk) {
    if (!words.isEmpty()) {
      words.append(CRLF).append(' ');
    }
    words.append("=?UTF-8?B?").append(Base64.getEncoder().encodeToString(chunk.getBytes(StandardCharsets.UTF_8))).append("?=");
  }
}
