package io.qualityhub.sampling.function;

import io.qualityhub.sampling.domain.Period;

/** Verification was asked for a period that has no stored sample. */
public final class NoStoredSampleException extends RuntimeException {

  public NoStoredSampleException(Period period, String table) {
    super("period " + period + " has no stored sample in table " + table + "; check the period (e.g. 2026-11 or"
        + " 2026-W47) and that sampling has run for it");
  }
}
