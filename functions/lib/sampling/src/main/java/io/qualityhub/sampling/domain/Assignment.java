package io.qualityhub.sampling.domain;

/**
 * Who inspects a task.
 *
 * @param inspectorId       the assigned inspector, or {@code null} when no eligible inspector was free
 * @param secondInspectorId the independent second scorer of a double-scored task, or {@code null}
 */
public record Assignment(String inspectorId, String secondInspectorId) {

    public static final Assignment UNASSIGNED = new Assignment(null, null);

    public Assignment {
        if (inspectorId == null && secondInspectorId != null) {
            throw new IllegalArgumentException("a task without an inspector cannot have a second one");
        }
        if (inspectorId != null && inspectorId.equals(secondInspectorId)) {
            throw new IllegalArgumentException("inspector " + inspectorId + " cannot score the same task twice");
        }
    }

    public boolean assigned() {
        return inspectorId != null;
    }

    public boolean doubleScored() {
        return secondInspectorId != null;
    }

    /** Whether findings from this inspector count for the task: only the assigned ones' do. */
    public boolean accepts(String inspector) {
        return inspector != null && (inspector.equals(inspectorId) || inspector.equals(secondInspectorId));
    }
}
