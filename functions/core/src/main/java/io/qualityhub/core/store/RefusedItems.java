package io.qualityhub.core.store;

import io.qualityhub.core.crypto.TamperedValueException;
import java.util.ArrayList;
import java.util.List;

/**
 * The items one run refused because their seal failed ({@link ItemSeal#accepts}): how many, for the
 * {@code ItemsRefused} metric its alarm watches, and why, one message each naming item and check (ids only).
 */
public final class RefusedItems implements IntegrityFailures {

  private final List<String> messages = new ArrayList<>();

  @Override
  public void record(TamperedValueException failure) {
    messages.add(failure.getMessage());
  }

  public int count() {
    return messages.size();
  }

  public List<String> messages() {
    return List.copyOf(messages);
  }
}
