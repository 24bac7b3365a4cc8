package io.qualityhub.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which branch files are expected for a business date, by when, and the alert a missing one raises: the one place the
 * rules of docs/uploads.md live.
 * <ul>
 *   <li>A branch the upload calendar names sends what it lists, from its {@code since} date, on its business days.</li>
 *   <li>Any other branch is learned: a branch and type that arrived on at least {@value #LEARNED_MINIMUM} of the
 *       {@value #LEARNING_DAYS} business days before a business day are expected on it.</li>
 *   <li>A file the branch's manifest in force for a date names is expected on that date too, whatever the calendar
 *       says of the branch, the type or the day (docs/upload-format.md, "Branch manifests").</li>
 *   <li>A business date's files are due at the calendar's cutoff (default 12:00) on the branch's next business day,
 *       in the company time zone.</li>
 *   <li>A file not taken by then raises an {@code upload.cutoff} alert, overdue from the cutoff and severely overdue
 *       once the severe multiple of its one business day is used, as other clocks escalate; its arrival closes it.</li>
 * </ul>
 */
public final class UploadExpectations {

    public static final int LEARNING_DAYS = 5;
    public static final int LEARNED_MINIMUM = 3;
    /** A date's files are due within one business day of it; the cutoff sets the hour. */
    private static final DeadlineLimit ONE_BUSINESS_DAY = new DeadlineLimit(1, LimitUnit.BUSINESS_DAYS,
            "upload calendar: by the cutoff on the next business day");

    private final DeadlinePolicy policy;
    private final UploadCalendar calendar;
    private final AlertLevels levels;

    public UploadExpectations(DeadlinePolicy policy, UploadCalendar calendar) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.levels = new AlertLevels(policy);
    }

    public UploadCalendar calendar() {
        return calendar;
    }

    /**
     * The files expected for {@code day}, in branch and type order.
     *
     * @param arrived every file that arrived, at least over the {@value #LEARNING_DAYS} business days before
     *                {@code day}: the learned branches and types come from it
     * @param named   the files the manifests in force name, of {@code day} at least
     */
    public List<UploadSlot> expectedOn(LocalDate day, Set<UploadSlot> arrived, Set<UploadSlot> named) {
        TreeSet<UploadSlot> expected = new TreeSet<>(Comparator.comparing(UploadSlot::branch).thenComparing(UploadSlot::type));
        calendar.branches().forEach((branch, uploads) -> {
            if (isBusinessDay(branch, day)) {
                uploads.types().keySet().stream().filter(type -> uploads.expects(type, day))
                        .forEach(type -> expected.add(new UploadSlot(branch, type, day)));
            }
        });
        Set<UploadSlot> learnable = new TreeSet<>(Comparator.comparing(UploadSlot::branch).thenComparing(UploadSlot::type));
        arrived.stream().filter(slot -> calendar.configured(slot.branch()).isEmpty())
                .map(slot -> new UploadSlot(slot.branch(), slot.type(), day))
                .forEach(learnable::add);
        for (UploadSlot candidate : learnable) {
            if (isBusinessDay(candidate.branch(), day) && learned(candidate, arrived)) {
                expected.add(candidate);
            }
        }
        named.stream().filter(slot -> slot.businessDate().equals(day)).forEach(expected::add);
        return List.copyOf(expected);
    }

    /**
     * Every expected file of the business dates in {@code [from, to]} whose cutoff has passed at {@code now}, in date,
     * branch and type order, with when it arrived and the alert it raises.
     *
     * @param arrivals when each file was first taken, over those dates and the learning days before them
     * @param named    the files the manifests in force name, over those dates
     */
    public List<UploadVerdict> verdicts(Map<UploadSlot, Instant> arrivals, Set<UploadSlot> named, LocalDate from,
            LocalDate to, Instant now) {
        Set<UploadSlot> arrived = arrivals.keySet();
        List<UploadVerdict> verdicts = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (UploadSlot slot : expectedOn(day, arrived, named)) {
                Instant cutoff = cutoff(slot.branch(), day);
                if (cutoff.isAfter(now)) {
                    continue;
                }
                Optional<Instant> arrivedAt = Optional.ofNullable(arrivals.get(slot));
                verdicts.add(new UploadVerdict(slot, cutoff, arrivedAt, alertAt(slot, arrivedAt, now)));
            }
        }
        return verdicts;
    }

    /** The {@value #LEARNING_DAYS} business days of the branch before {@code day}, latest first. */
    public List<LocalDate> learningDays(String branch, LocalDate day) {
        List<LocalDate> days = new ArrayList<>(LEARNING_DAYS);
        for (LocalDate earlier = day.minusDays(1); days.size() < LEARNING_DAYS; earlier = earlier.minusDays(1)) {
            if (isBusinessDay(branch, earlier)) {
                days.add(earlier);
            }
        }
        return days;
    }

    private boolean learned(UploadSlot candidate, Set<UploadSlot> arrived) {
        long sent = learningDays(candidate.branch(), candidate.businessDate()).stream()
                .filter(day -> arrived.contains(new UploadSlot(candidate.branch(), candidate.type(), day)))
                .count();
        return sent >= LEARNED_MINIMUM;
    }

    /** The cutoff of a business date's files: the calendar's time on the branch's next business day. */
    public Instant cutoff(String branch, LocalDate businessDate) {
        LocalDate next = businessDate.plusDays(1);
        while (!isBusinessDay(branch, next)) {
            next = next.plusDays(1);
        }
        return next.atTime(calendar.cutoff()).atZone(policy.timeZone()).toInstant();
    }

    /** Whether a file that arrived at {@code arrivedAt} (empty: not yet) was on time. */
    public boolean onTime(UploadSlot slot, Optional<Instant> arrivedAt) {
        return arrivedAt.isPresent() && !arrivedAt.get().isAfter(cutoff(slot.branch(), slot.businessDate()));
    }

    /** The clock of an expected file: from the start of its business date to its cutoff. */
    public OpenDeadline deadline(UploadSlot slot) {
        Instant start = slot.businessDate().atStartOfDay(policy.timeZone()).toInstant();
        return new OpenDeadline(ItemType.UPLOAD, slot.itemId(), slot.branch(), DeadlineClockName.UPLOAD, start,
                cutoff(slot.branch(), slot.businessDate()), ONE_BUSINESS_DAY, slot.type() + " file", null, false);
    }

    /**
     * The alert an expected file raises at {@code now}: none once it arrived (a late arrival closes it) or before its
     * cutoff, when it is not late yet; otherwise overdue, then severely overdue.
     */
    public Optional<Alert> alertAt(UploadSlot slot, Optional<Instant> arrivedAt, Instant now) {
        if (arrivedAt.isPresent() && !arrivedAt.get().isAfter(now)) {
            return Optional.empty();
        }
        return levels.alertAt(deadline(slot), now).filter(alert -> alert.level().compareTo(AlertLevel.OVERDUE) >= 0);
    }

    private boolean isBusinessDay(String branch, LocalDate day) {
        return policy.calendars().forBranch(branch).isBusinessDay(day);
    }
}
