package io.qualityhub.intake;

import io.qualityhub.core.store.ItemKeys;
import io.qualityhub.core.format.ActionStatus;
import io.qualityhub.deadlines.ClaimSnapshot;
import io.qualityhub.core.format.ClaimStatus;
import io.qualityhub.core.format.ComplaintSeverity;
import io.qualityhub.deadlines.ComplaintSnapshot;
import io.qualityhub.core.format.ComplaintStatus;
import io.qualityhub.core.format.Complexity;
import io.qualityhub.deadlines.CorrectiveActionSnapshot;
import io.qualityhub.deadlines.ItemType;
import io.qualityhub.core.format.ProductLine;
import io.qualityhub.core.format.Timestamps;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the deadline snapshot out of a latest-state item. Claims and complaints are the STATE items
 * intake writes (columns under their upload-format names). Corrective actions are STATE items under
 * {@code ACTION#{branch}#{actionId}} that the findings work writes, with this contract:
 * {@code recordType} {@value #ACTIONS}, {@code branchCode}, {@code action_id}, {@code inspection_id},
 * {@code action_owner}, {@code inspected_on} and {@code action_due_on} ({@code YYYY-MM-DD}),
 * {@code action_status} ({@code open|done|verified}, absent = open), {@code sourceSk} (the finding row it
 * came from) and {@code versionMillis}; a done action's effectiveness check as {@code check_id},
 * {@code check_scheduled_on} and {@code check_due_on}, with {@code check_verdict} once its result is in; the writer
 * passes the item through {@link DeadlineIndexer#withIndex} before its put.
 */
public final class DeadlineItems {

  public static final String CLAIMS = "claims";
  public static final String COMPLAINTS = "complaints";
  public static final String ACTIONS = "actions";
  public static final String ACTION_PK_PREFIX = "ACTION#";

  private DeadlineItems() {}

  /** The kind of deadline item a state item is; empty for records without deadlines. */
  public static Optional<ItemType> itemType(Map<String, AttributeValue> state) {
    AttributeValue recordType = state.get("recordType");
    return switch (recordType == null ? "" : String.valueOf(recordType.s())) {
      case CLAIMS -> Optional.of(ItemType.CLAIM);
      case COMPLAINTS -> Optional.of(ItemType.COMPLAINT);
      case ACTIONS -> Optional.of(ItemType.ACTION);
      default -> Optional.empty();
    };
  }

  public static ClaimSnapshot claim(Map<String, AttributeValue> state) {
    Reader item = new Reader(state);
    return ClaimSnapshot.builder()
        .branch(item.text("branchCode"))
        .claimId(item.text("claim_id"))
        .productLine(item.parsed("product_line", ProductLine::fromWire))
        .complexity(item.parsed("complexity", Complexity::fromWire))
        .greenChannel(item.bool("green_channel"))
        .status(item.parsed("status", ClaimStatus::fromWire))
        .reportedAt(item.instant("reported_at"))
        .documentsCompleteAt(item.optionalInstant("documents_complete_at"))
        .decidedAt(item.optionalInstant("decided_at"))
        .paidAt(item.optionalInstant("paid_at"))
        .closedAt(item.optionalInstant("closed_at"))
        .handlerId(item.text("handler_id"))
        .documentsRequestedAt(item.optionalInstant("documents_requested_at"))
        .agreedAt(item.optionalInstant("agreed_at"))
        .advancePaidAt(item.optionalInstant("advance_paid_at"))
        .denialNoticeAt(item.optionalInstant("denial_notice_at"))
        .build();
  }

  public static ComplaintSnapshot complaint(Map<String, AttributeValue> state) {
    Reader item = new Reader(state);
    return ComplaintSnapshot.builder()
        .branch(item.text("branchCode"))
        .complaintId(item.text("complaint_id"))
        .severity(item.parsed("severity", ComplaintSeverity::fromWire))
        .status(item.parsed("status", ComplaintStatus::fromWire))
        .receivedAt(item.instant("received_at"))
        .firstResponseAt(item.optionalInstant("first_response_at"))
        .resolvedAt(item.optionalInstant("resolved_at"))
        .staffId(item.optionalText("staff_id"))
        .extendedAt(item.optionalInstant("extended_at"))
        .build();
  }

  public static CorrectiveActionSnapshot action(Map<String, AttributeValue> state) {
    Reader item = new Reader(state);
    String status = item.optionalText("action_status");
    return new CorrectiveActionSnapshot(
        item.text("branchCode"),
        item.text("action_id"),
        item.text("inspection_id"),
        item.text("action_owner"),
        item.parsed("inspected_on", LocalDate::parse),
        item.parsed("action_due_on", LocalDate::parse),
        status == null ? ActionStatus.OPEN : item.parsed("action_status", ActionStatus::fromWire),
        item.optionalText("check_id") == null || item.optionalText("check_verdict") != null ? Optional.empty()
            : Optional.of(new CorrectiveActionSnapshot.PendingCheck(item.text("check_id"),
                item.parsed("check_scheduled_on", LocalDate::parse), item.parsed("check_due_on", LocalDate::parse))));
  }

  /** Attribute access that names the item and attribute when something is missing or malformed. */
  private record Reader(Map<String, AttributeValue> state) {

    String text(String name) {
      String value = optionalText(name);
      if (value == null) {
        throw new UnreadableStateItemException(pk(), name, "is missing");
      }
      return value;
    }

    String optionalText(String name) {
      AttributeValue value = state.get(name);
      if (value == null) {
        return null;
      }
      if (value.s() == null) {
        throw new UnreadableStateItemException(pk(), name, "is not a string");
      }
      return value.s();
    }

    boolean bool(String name) {
      AttributeValue value = state.get(name);
      if (value == null || value.bool() == null) {
        throw new UnreadableStateItemException(pk(), name, "is missing or not a boolean");
      }
      return value.bool();
    }

    Instant instant(String name) {
      // The uploads' shape read by hand, with the JDK's answers (the claim-state pass reads several a row).
      return parsed(name, text -> Timestamps.parse(text).toInstant());
    }

    Instant optionalInstant(String name) {
      return optionalText(name) == null ? null : instant(name);
    }

    <T> T parsed(String name, Function<String, T> parser) {
      String text = text(name);
      try {
        return parser.apply(text);
      } catch (DateTimeException | IllegalArgumentException malformed) {
        // Codes and dates only: the parsers' messages never carry customer data.
        throw new UnreadableStateItemException(pk(), name, "cannot be read: " + malformed.getMessage(), malformed);
      }
    }

    private String pk() {
      AttributeValue pk = state.get(ItemKeys.PK);
      return pk == null ? "(no pk)" : pk.s();
    }
  }
}
