package io.qualityhub.sampling.domain;

/** An inspection's result; the findings upload spells these {@code pass} and {@code fail}. */
public enum Verdict {
    PASS,
    FAIL
}
