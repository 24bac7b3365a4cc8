package io.qualityhub.reports.function;

import io.qualityhub.core.store.BlindIndexedColumn;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * One customer's erasure request as the erasure function receives it: the customer's identifiers and who asked.
 *
 * <p>The event is {@code {"idNumber": "...", "phone": "...", "requestedBy": "arn:...", "requestedByRole": "..."}}, at
 * least one identifier given. {@code requestedBy} and {@code requestedByRole} are what the invoker says of itself
 * ({@code qualityhub erase} sends its STS caller identity); IAM lets only the customer-data role invoke the function,
 * and CloudTrail's record of the Invoke names the authenticated caller. Messages never quote a value.
 *
 * @param identifiers the ID number, the phone number or both; never logged, never echoed
 * @param requestedBy the invoker as it names itself, or {@value #UNNAMED} when it did not
 * @param requestedByRole the role the invoker acts in, or {@code unknown}
 */
public record ErasureRequest(Map<BlindIndexedColumn, String> identifiers, String requestedBy, String requestedByRole) {

  public static final String ID_NUMBER = "idNumber";
  public static final String PHONE = "phone";
  public static final String REQUESTED_BY = "requestedBy";
  public static final String REQUESTED_BY_ROLE = "requestedByRole";
  /** What the trail says of an invoker that did not name itself: CloudTrail's Invoke record holds who it was. */
  public static final String UNNAMED = "unnamed invoker (see CloudTrail's lambda:Invoke record)";
  private static final Set<String> KNOWN = Set.of(ID_NUMBER, PHONE, REQUESTED_BY, REQUESTED_BY_ROLE);
  /** An ID number or a phone number is short; the bound keeps a hostile event from costing memory or KMS time. */
  private static final int MAX_IDENTIFIER_CHARS = 64;

  public ErasureRequest {
    identifiers = Map.copyOf(identifiers);
    if (identifiers.isEmpty()) {
      throw new InvalidErasureRequestException("an erasure request needs \"" + ID_NUMBER + "\", \"" + PHONE + "\" or both");
    }
  }

  /**
   * The request an event carries.
   *
   * @throws InvalidErasureRequestException naming the member that is wrong, never its value
   */
  public static ErasureRequest fromEvent(Map<String, ?> event) {
    if (event == null) {
      throw new InvalidErasureRequestException("the event is empty; send {\"" + ID_NUMBER + "\": \"...\"}");
    }
    for (String member : event.keySet()) {
      if (!KNOWN.contains(member)) {
        // Named by position only: a key may itself be a value typed in the wrong place.
        throw new InvalidErasureRequestException("the event has a member that is none of " + new java.util.TreeSet<>(KNOWN));
      }
    }
    Map<BlindIndexedColumn, String> identifiers = new EnumMap<>(BlindIndexedColumn.class);
    identifier(event, ID_NUMBER).ifPresent(value -> identifiers.put(BlindIndexedColumn.ID_NUMBER, value));
    identifier(event, PHONE).ifPresent(value -> identifiers.put(BlindIndexedColumn.PHONE, value));
    String requestedBy = text(event, REQUESTED_BY).orElse(UNNAMED);
    String role = text(event, REQUESTED_BY_ROLE).orElse("unknown");
    return new ErasureRequest(identifiers, requestedBy, role);
  }

  /** The event that asks for this request: what the command line sends to the function. */
  public Map<String, String> toEvent() {
    Map<String, String> event = new java.util.LinkedHashMap<>();
    if (identifiers.containsKey(BlindIndexedColumn.ID_NUMBER)) {
      event.put(ID_NUMBER, identifiers.get(BlindIndexedColumn.ID_NUMBER));
    }
    if (identifiers.containsKey(BlindIndexedColumn.PHONE)) {
      event.put(PHONE, identifiers.get(BlindIndexedColumn.PHONE));
    }
    event.put(REQUESTED_BY, requestedBy);
    event.put(REQUESTED_BY_ROLE, requestedByRole);
    return event;
  }

  /** Which identifiers the request gives, as the trail names them (never their values). */
  public String identifierColumns() {
    return String.join(",", identifiers.keySet().stream().map(BlindIndexedColumn::column).sorted().toList());
  }

  @Override
  public String toString() {
    return "ErasureRequest[identifiers=" + identifierColumns() + ", requestedBy=" + requestedBy + "]";
  }

  private static java.util.Optional<String> identifier(Map<String, ?> event, String member) {
    Object value = event.get(member);
    if (value == null) {
      return java.util.Optional.empty();
    }
    if (!(value instanceof String text) || text.isBlank()) {
      throw new InvalidErasureRequestException("\"" + member + "\" must be a non-empty string");
    }
    if (text.length() > MAX_IDENTIFIER_CHARS) {
      throw new InvalidErasureRequestException("\"" + member + "\" is longer than " + MAX_IDENTIFIER_CHARS + " characters");
    }
    return java.util.Optional.of(text);
  }

  private static java.util.Optional<String> text(Map<String, ?> event, String member) {
    Object value = event.get(member);
    return value instanceof String text && !text.isBlank() ? java.util.Optional.of(text.strip()) : java.util.Optional.empty();
  }
}
