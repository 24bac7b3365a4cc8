package io.qualityhub.core.format;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The upload format's rule for a sale's call recording: {@code recording_id} is required when the policy was sold by
 * one of {@link #CHANNELS} or is of one of {@link #PRODUCT_LINES}. Validation ({@link RecordType#SALES}) and the
 * reports' disclosure counts both read it here.
 */
public final class SaleRecording {

  public static final Set<SalesChannel> CHANNELS =
      Collections.unmodifiableSet(EnumSet.of(SalesChannel.TELEMARKETING, SalesChannel.BANCASSURANCE));
  public static final Set<ProductLine> PRODUCT_LINES =
      Collections.unmodifiableSet(EnumSet.of(ProductLine.LIFE, ProductLine.HEALTH));

  private SaleRecording() {}

  public static boolean required(SalesChannel channel, ProductLine productLine) {
    return CHANNELS.contains(channel) || PRODUCT_LINES.contains(productLine);
  }
}
