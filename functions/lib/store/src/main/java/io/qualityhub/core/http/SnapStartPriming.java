package io.qualityhub.core.http;

import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Priming before a SnapStart snapshot (decision 0018). Lambda publishes a version of an HTTP function by initialising
 * it once, calling {@link #beforeCheckpoint} of every registered CRaC resource, and taking a snapshot of the memory;
 * a cold start then restores that snapshot instead of initialising. Whatever runs here is loaded and compiled in
 * every restored instance: the function's request path up to its first AWS call (the warm-up it gives), its JSON
 * answer and a log line through the JSON layout. A warm-up calls no AWS service and writes nothing: credentials
 * resolved or connections opened before the snapshot would be shared by every restored instance, or found dead.
 */
public final class SnapStartPriming implements Resource {

  private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

  private final String function;
  private final Runnable warmUp;

  private SnapStartPriming(String function, Runnable warmUp) {
    this.function = function;
    this.warmUp = warmUp;
  }

  /**
   * Registers the priming of {@code function} with CRaC's global context. The context holds resources weakly: the
   * caller keeps the returned priming for as long as the function lives (a field of its handler).
   */
  public static SnapStartPriming register(String function, Runnable warmUp) {
    SnapStartPriming priming = new SnapStartPriming(function, warmUp);
    Core.getGlobalContext().register(priming);
    return priming;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    warmUp.run();
    JsonResponses.of(200, Map.of("primed", function));
    LOG.info("primed {} before the snapshot", function);
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to renew: the warm-up left no credentials, connections or clocks behind.
  }
}
