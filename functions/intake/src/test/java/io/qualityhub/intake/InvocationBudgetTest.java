package io.qualityhub.intake;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InvocationBudgetTest {

  /** A Lambda context whose remaining time the test sets. */
  private static Context remaining(AtomicInteger millis) {
    return (Context) Proxy.newProxyInstance(InvocationBudgetTest.class.getClassLoader(), new Class<?>[] {Context.class},
        (proxy, method, args) -> {
          if (method.getName().equals("getRemainingTimeInMillis")) {
            return millis.get();
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

  @Test
  void theBudgetIsSpentOnceLessThanTheReserveIsLeft() {
    AtomicInteger left = new AtomicInteger(900_000);
    InvocationBudget budget = InvocationBudget.of(remaining(left), 300_000);
    assertFalse(budget.spent());
    left.set(300_000);
    assertFalse(budget.spent());
    left.set(299_999);
    assertTrue(budget.spent());
  }

  @Test
  void aReserveAtOrAboveTheTimeoutStillLeavesHalfTheInvocationForRows() {
    AtomicInteger left = new AtomicInteger(60_000);
    InvocationBudget budget = InvocationBudget.of(remaining(left), 900_000);
    assertFalse(budget.spent(), "a reserve of the whole timeout would hand every file on untouched");
    left.set(30_000);
    assertFalse(budget.spent());
    left.set(29_999);
    assertTrue(budget.spent());
  }

  @Test
  void withoutALambdaContextThereIsNoLimit() {
    assertFalse(InvocationBudget.of(null, 300_000).spent());
  }
}
