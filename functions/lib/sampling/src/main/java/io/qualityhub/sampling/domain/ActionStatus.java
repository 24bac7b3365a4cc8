package io.qualityhub.sampling.domain;

/**
 * Progress of a corrective action, in order: {@code open}, then {@code done} by its owner, then {@code verified}
 * when its effectiveness check passed. Only verified closes it: a done action waits for its check, and a failed
 * check opens it again.
 */
public enum ActionStatus {
    OPEN,
    DONE,
    VERIFIED
}
