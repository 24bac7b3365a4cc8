package io.qualityhub.core.store;

import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.crypto.HmacSha256;
import io.qualityhub.core.crypto.TamperedValueException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The integrity seal of the items that drive alerts and reports: latest-state items with their
 * due-index entry, corrective actions, samples, inspection tasks and aggregates. {@value #ATTRIBUTE}
 * holds a version byte and HMAC-SHA-256 (first 128 bits) under the stack's seal key
 * ({@link SealKey}) over the same canonical form as {@link ItemAuthenticator}, under its own domain
 * label: every attribute but the seal, the key and the table included. The functions that write these
 * items seal them; the functions that act on them ({@link #accepts}) refuse an item whose seal is
 * missing or does not match, count it, and go on without it (docs/decisions/0008).
 *
 * <p>Unlike a row's tag, which needs the data key, any function holding the seal key can check (and
 * make) a seal: it separates the stack's functions from everyone else who can write the table, not
 * the functions from each other.
 */
public final class ItemSeal {

  public static final String ATTRIBUTE = "seal";

  private static final byte VERSION = 1;
  private static final int MAC_BYTES = 16;
  private static final byte[] DOMAIN = "qualityhub/seal/v1".getBytes(StandardCharsets.UTF_8);

  private final String table;
  /** One initialised HMAC per thread: looking the algorithm up for every item costs more than the MAC itself. */
  private final ThreadLocal<Mac> macs;

  /** @param key the 256-bit seal key ({@link SealKey#derive}) */
  public ItemSeal(String table, byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("a seal key has 32 bytes, not " + key.length);
    }
    this.table = table;
    SecretKeySpec sealKey = new SecretKeySpec(key, "HmacSHA256");
    this.macs = ThreadLocal.withInitial(() -> HmacSha256.newMac(sealKey));
  }

  /** The seal of the table named by the setting {@code tableSetting}, its key derived from {@code INTEGRITY_KEY_ARN}. */
  public static ItemSeal ofTable(String tableSetting, Settings settings, AwsClients clients) {
    return new ItemSeal(settings.required(tableSetting), SealKey.derive(clients.kms(), settings.required(SealKey.KEY_VARIABLE)));
  }

  public String table() {
    return table;
  }

  /** A copy of {@code item} with its seal (any seal it had is replaced). */
  public Map<String, AttributeValue> sealed(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> sealed = new HashMap<>(item);
    sealed.put(ATTRIBUTE, sealOf(item));
    return sealed;
  }

  /** The seal {@code item} should carry as it stands (its own seal attribute left out). */
  public AttributeValue sealOf(Map<String, AttributeValue> item) {
    byte[] seal = new byte[1 + MAC_BYTES];
    seal[0] = VERSION;
    System.arraycopy(mac(item), 0, seal, 1, MAC_BYTES);
    return AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(seal));
  }

  /** Passes when the item is exactly as a function of this stack sealed it; otherwise names the item and the check. */
  public void verify(Map<String, AttributeValue> item) {
    String itemKey = ItemAuthenticator.itemKey(item);
    AttributeValue seal = item.get(ATTRIBUTE);
    byte[] stored = seal == null || seal.b() == null ? null : seal.b().asByteArrayUnsafe();
    if (stored == null || stored.length != 1 + MAC_BYTES || stored[0] != VERSION) {
      throw new TamperedValueException(itemKey, TamperedValueException.Check.ITEM_TAG_MISSING, null,
          "item " + itemKey + " in " + table + " has no valid seal (" + ATTRIBUTE + "): it was not written by a function"
              + " of this stack, or the seal was removed; the item is not used");
    }
    byte[] expected = Arrays.copyOf(mac(item), MAC_BYTES);
    if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(stored, 1, stored.length))) {
      throw new TamperedValueException(itemKey, TamperedValueException.Check.ITEM_ATTRIBUTES, null,
          "item " + itemKey + " in " + table + " fails its seal: an attribute was changed, added or removed since a"
              + " function of this stack wrote it, or the seal belongs to another item; the item is not used");
    }
  }

  /** Whether the item may be acted on; a refused one is handed to {@code refused} (a metric) first. */
  public boolean accepts(Map<String, AttributeValue> item, IntegrityFailures refused) {
    try {
      verify(item);
      return true;
    } catch (TamperedValueException e) {
      refused.record(e);
      return false;
    }
  }

  private byte[] mac(Map<String, AttributeValue> item) {
    return macs.get().doFinal(ItemAuthenticator.canonical(DOMAIN, table, item, ATTRIBUTE));
  }
}
