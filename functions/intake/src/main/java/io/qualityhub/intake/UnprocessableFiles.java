package io.qualityhub.intake;

import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.RefusalReason;
import io.qualityhub.core.format.UploadKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The refusal of a file that failed every attempt, and the words that let operators find why. */
final class UnprocessableFiles {

  private UnprocessableFiles() {}

  /** Stable for a generation, so every redelivery names the same reference. */
  static String reference(UploadKey key, String generation) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((key.fileId() + "\n" + generation).getBytes(StandardCharsets.UTF_8));
      return "QH-" + HexFormat.of().formatHex(digest, 0, 6).toUpperCase(java.util.Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  static FileRefusedException refusal(int attempts, String reference) {
    return new FileRefusedException(RefusalReason.UNPROCESSABLE, "intake failed on all " + attempts
        + " attempts at this file; nothing of it is stored. The operators are alerted; quote reference "
        + reference + " when you ask them about it");
  }

  /** The first frame of the failure's stack: a class, method and line, never a value. */
  static String where(Throwable failure) {
    if (failure == null || failure.getStackTrace().length == 0) {
      return "unknown";
    }
    return failure.getStackTrace()[0].toString();
  }
}
