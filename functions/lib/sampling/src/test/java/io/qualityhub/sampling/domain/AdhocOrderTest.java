package io.qualityhub.sampling.domain;

import static io.qualityhub.sampling.domain.Fixtures.NOVEMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdhocOrderTest {

    private static final LocalDate ASKED_ON = LocalDate.of(2026, 11, 20);

    private static AdhocOrder order(String reason, int count, List<String> ids) {
        return new AdhocOrder(NOVEMBER, "TPE-01", "claims", reason, "os-user:lin", ASKED_ON, count, ids);
    }

    @Test
    void theSameOrderGivenAgainTheSameDayIsTheSameOrderWhoeverGivesIt() {
        AdhocOrder first = order("spike in complaints", 5, List.of());
        AdhocOrder again = new AdhocOrder(NOVEMBER, "TPE-01", "claims", "  spike in complaints ", "os-user:wang",
                ASKED_ON, 5, List.of());
        assertEquals("ADH-20261120-59018645673f3225", first.orderId());
        assertEquals(first.orderId(), again.orderId());
        assertNotEquals(first.orderId(), new AdhocOrder(NOVEMBER, "TPE-01", "claims", "spike in complaints",
                "os-user:lin", ASKED_ON.plusDays(1), 5, List.of()).orderId());
        assertNotEquals(first.orderId(), order("spike in complaints", 6, List.of()).orderId());
    }

    @Test
    void aReasonHoldingWhatMayBeAnIdOrPhoneNumberIsRefusedWithoutRepeatingIt() {
        InvalidAdhocOrderException refused = assertThrows(InvalidAdhocOrderException.class,
                () -> order("customer A123456789 called from 0912345678", 5, List.of()));
        assertEquals(List.of("--reason: holds a run of 8 or more digits, which may be an ID or phone number; name the"
                + " record by its id instead, never a customer's data"), refused.problems());
        assertFalse(refused.getMessage().contains("123456789"));
        assertFalse(refused.getMessage().contains("0912345678"));
        // Full-width digits are digits too.
        assertThrows(InvalidAdhocOrderException.class, () -> order("來電０９１２３４５６７８", 5, List.of()));
        // Dates and short references are fine.
        assertEquals("complaint CMP-2026-0042 of 2026-11-18", order("complaint CMP-2026-0042 of 2026-11-18", 5,
                List.of()).reason());
    }

    @Test
    void anOrderMayPickOrNameUpTo200RecordsWithAReasonOfUpTo200Characters() {
        String reason = "查".repeat(200);
        assertEquals(200, order(reason, 200, List.of()).count());
        List<String> ids = java.util.stream.IntStream.rangeClosed(1, 200).mapToObj(i -> "C" + i).toList();
        assertEquals(ids, order("named", 0, ids).recordIds());
        assertEquals(List.of("--count: 201 is not from 1 to 200; larger checks belong in the plan"),
                assertThrows(InvalidAdhocOrderException.class, () -> order("picked", 201, List.of())).problems());
        List<String> tooMany = java.util.stream.IntStream.rangeClosed(1, 201).mapToObj(i -> "C" + i).toList();
        assertEquals(List.of("--ids: 201 records is more than 200; larger checks belong in the plan"),
                assertThrows(InvalidAdhocOrderException.class, () -> order("named", 0, tooMany)).problems());
        InvalidAdhocOrderException tooLong = assertThrows(InvalidAdhocOrderException.class,
                () -> order(reason + "查", 5, List.of()));
        assertEquals(List.of("--reason: is longer than 200 characters; shorten it"), tooLong.problems());
        assertEquals("the ad-hoc inspection order cannot be carried out (1 problem):\n"
                + "  --reason: is longer than 200 characters; shorten it", tooLong.getMessage());
    }

    @Test
    void everyProblemOfAnOrderIsNamedAtOnce() {
        InvalidAdhocOrderException refused = assertThrows(InvalidAdhocOrderException.class, () ->
                new AdhocOrder(NOVEMBER, " ", "claims", "line one\nline two", "os-user:lin", ASKED_ON, 3,
                        List.of("C-1")));
        assertEquals(List.of(
                "--branch: give the branch code whose records to inspect, e.g. TPE-01",
                "--reason: holds a control character (a line break or tab); write it on one line",
                "give either --count N (records picked at random) or --ids ID,... (the records named), not both"),
                refused.problems());
    }

    @Test
    void anOrderNeedsAReasonAndEitherACountOrIdsWithinLimits() {
        assertEquals(List.of(
                "--reason: say why the records are inspected, e.g. \"complaint CMP-0042: mis-selling suspected\"",
                "give either --count N (records picked at random) or --ids ID,... (the records named), not neither"),
                assertThrows(InvalidAdhocOrderException.class, () -> order("   ", 0, List.of())).problems());
        assertEquals(List.of("--count: 201 is not from 1 to 200; larger checks belong in the plan"),
                assertThrows(InvalidAdhocOrderException.class, () -> order("spike", 201, List.of())).problems());
        assertEquals(List.of("--ids: an id is named twice; name each record once"),
                assertThrows(InvalidAdhocOrderException.class, () -> order("spike", 0, List.of("C-1", "C-1")))
                        .problems());
        assertEquals(List.of("--ids: an id is empty; separate ids by single commas"),
                assertThrows(InvalidAdhocOrderException.class, () -> order("spike", 0, List.of("C-1", "")))
                        .problems());
        assertEquals(List.of("--reason: is longer than 200 characters; shorten it"),
                assertThrows(InvalidAdhocOrderException.class, () -> order("理".repeat(201), 1, List.of()))
                        .problems());
    }
}
