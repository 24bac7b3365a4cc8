package io.qualityhub.core.store;

import io.qualityhub.core.crypto.TamperedValueException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The items one run refused because their seal failed ({@link ItemSeal#accepts}): how many, for the
 * {@code ItemsRefused} metric its alarm watches, and why, one message each naming item and check (ids only).
 * An item read twice in one run (the monitor reads claims for alerts and again for its snapshot) counts once.
 */
public final class RefusedItems implements IntegrityFailures {

  private final Map<String, String> messages = new LinkedHashMap<>();

  @Override
  public void record(TamperedValueException failure) {
    messages.putIfAbsent(failure.itemKey(), failure.getMessage());
  }

  public int count() {
    return messages.size();
  }

  public List<String> messages() {
    return List.copyOf(messages.values());
  }
}
