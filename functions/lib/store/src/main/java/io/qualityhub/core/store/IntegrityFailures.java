package io.qualityhub.core.store;

import io.qualityhub.core.crypto.TamperedValueException;

/**
 * Where integrity failures are counted before the read fails: a CloudWatch metric in a function
 * (alarmed on, because a failure means someone changed stored data), a counter in the command line.
 */
@FunctionalInterface
public interface IntegrityFailures {

  void record(TamperedValueException failure);
}
