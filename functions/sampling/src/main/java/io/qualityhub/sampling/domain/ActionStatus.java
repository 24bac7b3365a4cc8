package io.qualityhub.sampling.domain;

/**
 * Progress of a corrective action, in order: {@code open}, then {@code done} by its owner, then {@code verified}
 * by the quality department. Done and verified both close it.
 */
public enum ActionStatus {
    OPEN,
    DONE,
    VERIFIED;

    public boolean closed() {
        return this != OPEN;
    }
}
