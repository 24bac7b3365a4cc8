package io.qualityhub.core.store;

import java.time.LocalDate;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sparse index that lists one branch's corrective actions by the day they were raised (GSI
 * {@value #NAME} of the records table). Only corrective-action state items carry its keys, so a special
 * report reads a branch's actions with one query and never a record. The findings function writes the
 * keys; the report function reads the index and nothing else of the table.
 */
public final class ActionIndex {

  public static final String NAME = "ActionsByBranch";
  public static final String BRANCH = "actionBranch";
  public static final String RAISED_ON = "actionRaisedOn";

  private ActionIndex() {}

  /** Puts the index keys on a corrective-action state item. */
  public static void addKeys(Map<String, AttributeValue> actionItem, String branch, LocalDate raisedOn) {
    actionItem.put(BRANCH, AttributeValue.fromS(branch));
    actionItem.put(RAISED_ON, AttributeValue.fromS(raisedOn.toString()));
  }
}
