package io.qualityhub.sampling.domain;

/** Severity of a failed inspection's finding; the findings upload spells these {@code minor|major|critical}. */
public enum FindingSeverity {
    MINOR,
    MAJOR,
    CRITICAL
}
