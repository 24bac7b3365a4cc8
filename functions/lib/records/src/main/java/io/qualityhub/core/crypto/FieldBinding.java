package io.qualityhub.core.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** What an encrypted value belongs to: table, item key and attribute, bound in as GCM associated data. */
public record FieldBinding(String table, String itemKey, String attribute) {

  /**
   * Scheme 2 writes each part with its length before it, so no two bindings share associated
   * data; scheme 1 (values written before it) joined the parts with '|', which an id holding '|'
   * could make ambiguous. Values keep the scheme they were sealed under.
   */
  byte[] associatedData(byte schemeVersion) {
    if (schemeVersion == 1) {
      return ("qualityhub/v1|" + table + '|' + itemKey + '|' + attribute).getBytes(StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String part : new String[] {"qualityhub/v" + schemeVersion, table, itemKey, attribute}) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      out.write(bytes.length >>> 24);
      out.write(bytes.length >>> 16);
      out.write(bytes.length >>> 8);
      out.write(bytes.length);
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }
}
