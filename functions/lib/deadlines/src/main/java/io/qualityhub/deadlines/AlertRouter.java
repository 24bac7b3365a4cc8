package io.qualityhub.deadlines;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides who hears of each alert. Every level goes to the branch manager of the item's branch; from overdue, also to
 * the head of the department that owns the item (claims, complaints, or quality for corrective actions); severely
 * overdue items and every alert of a major complaint also go to head office quality.
 */
public final class AlertRouter {

    private final RecipientsDirectory directory;

    public AlertRouter(RecipientsDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    public Routing route(List<Alert> alerts) {
        List<Delivery> deliveries = new ArrayList<>();
        List<MissingRecipient> missing = new ArrayList<>();
        Set<Sent> delivered = new HashSet<>();
        for (Alert alert : alerts) {
            for (Role role : rolesFor(alert)) {
                List<String> addresses = directory.addressesFor(alert.deadline().branch(), role);
                if (addresses.isEmpty()) {
                    missing.add(new MissingRecipient(role, alert));
                }
                for (String address : addresses) {
                    if (delivered.add(new Sent(address, alert))) {
                        deliveries.add(new Delivery(address, role, alert));
                    }
                }
            }
        }
        return new Routing(deliveries, missing);
    }

    private record Sent(String address, Alert alert) {
    }

    static List<Role> rolesFor(Alert alert) {
        List<Role> roles = new ArrayList<>();
        roles.add(Role.BRANCH_MANAGER);
        AlertLevel level = alert.level();
        if (level.compareTo(AlertLevel.OVERDUE) >= 0) {
            roles.add(Role.departmentHeadFor(alert.deadline().itemType()));
        }
        if (level == AlertLevel.SEVERELY_OVERDUE || alert.deadline().major()) {
            roles.add(Role.HEAD_OFFICE_QUALITY);
        }
        return roles;
    }
}
