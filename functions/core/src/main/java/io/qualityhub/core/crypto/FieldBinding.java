package io.qualityhub.core.crypto;

import java.nio.charset.StandardCharsets;

/** What an encrypted value belongs to: table, item key and attribute, bound in as GCM associated data. */
public record FieldBinding(String table, String itemKey, String attribute) {

  byte[] associatedData(byte schemeVersion) {
    return ("qualityhub/v" + schemeVersion + '|' + table + '|' + itemKey + '|' + attribute).getBytes(StandardCharsets.UTF_8);
  }
}
