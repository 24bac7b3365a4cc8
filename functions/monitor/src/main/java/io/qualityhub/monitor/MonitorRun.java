package io.qualityhub.monitor;

import io.qualityhub.deadlines.UploadVerdict;
import io.qualityhub.deadlines.AlertRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one monitor run did.
 *
 * @param runId             the run's id: scope and as-of instant, the same for every retry of a scheduled run
 * @param asOf              the instant alerts were computed for
 * @param scope             which items were looked at
 * @param policyVersion     the deadline policy that applied
 * @param counts            items and alerts, for metrics and the alert record
 * @param digests           e-mail digests accepted by the mail service in this run
 * @param records           what each recipient was told (e-mail), machine-readable
 * @param missingRecipients alerts that found no address for a role, one message each (ids only)
 * @param problems          unreadable items and messages not accepted, one message each (ids only); a run with
 *                          problems did not finish its work, and a retry picks it up
 * @param refused           items left out because their seal failed, one message each naming item and check; not
 *                          problems: a retry would refuse them again (metric ItemsRefused, alarmed)
 * @param alertRecordKey    the S3 key of the run's alert record
 * @param uploads           the daily run's verdict on each expected branch file whose cutoff passed in the days it
 *                          reviews (docs/uploads.md); empty for the green-channel run
 */
public record MonitorRun(String runId, Instant asOf, MonitorScope scope, String policyVersion, Counts counts,
    List<SentDigest> digests, List<AlertRecord> records, List<String> missingRecipients, List<String> problems,
    List<String> refused, String alertRecordKey, List<UploadVerdict> uploads) {

  public MonitorRun {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(policyVersion, "policyVersion");
    Objects.requireNonNull(counts, "counts");
    digests = List.copyOf(digests);
    records = List.copyOf(records);
    missingRecipients = List.copyOf(missingRecipients);
    problems = List.copyOf(problems);
    refused = List.copyOf(refused);
    uploads = List.copyOf(uploads);
  }

  /**
   * @param itemsRead      state items the index returned
   * @param alertsDue      alerts the items are at (one per item, clock and level)
   * @param alertsSent     alerts this run finished sending
   * @param alertsSentBefore alerts an earlier run had already sent
   * @param alertsHeld     alerts another run is still sending (left to it)
   * @param topicMessages  messages published to the alert topic
   * @param itemsAdvanced  index entries moved to their next level's start
   * @param itemsRemoved   index entries removed (nothing left to alert)
   * @param itemsRefused   items the index returned whose seal failed, left out of the run
   * @param itemsTyped     items turned into their running clocks: once each, though an open claim that is due serves
   *                       both the alerts and the overdue-claims snapshot
   * @param schedulesBuilt level schedules built: once per running clock, though its alert, its snapshot count and its
   *                       index move each ask for it
   */
  public record Counts(int itemsRead, int alertsDue, int alertsSent, int alertsSentBefore, int alertsHeld,
      int topicMessages, int itemsAdvanced, int itemsRemoved, int itemsRefused, int itemsTyped, int schedulesBuilt) {}
}
