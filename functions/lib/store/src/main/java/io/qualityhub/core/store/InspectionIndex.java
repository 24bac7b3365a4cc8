package io.qualityhub.core.store;

/**
 * The sparse index that lists one branch's inspections by the day they were done (GSI {@value #NAME} of the
 * records table). Only inspection tasks with a result carry its hash key; the range key is the task's
 * {@value #INSPECTED_ON}. The findings function writes the key when it stores a result; the reports count each
 * inspection once, at its latest result, from this index.
 */
public final class InspectionIndex {

  public static final String NAME = "InspectionsByBranch";
  public static final String BRANCH = "inspectionBranch";
  public static final String INSPECTED_ON = "inspectedOn";

  private InspectionIndex() {}
}
