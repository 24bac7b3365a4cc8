package io.qualityhub.deadlines;

import java.io.InputStream;
import java.io.UncheckedIOException;

/** The shipped policy presets (src/main/resources/deadline-policy-presets), merged over the defaults as deployed. */
final class Presets {

    static final DeadlinePolicy TW_CLAIMS = load("tw-claims.json");
    static final DeadlinePolicy PRC_COMPLAINTS = load("prc-complaints.json");

    private Presets() {
    }

    private static DeadlinePolicy load(String name) {
        try (InputStream in = Presets.class.getResourceAsStream("/deadline-policy-presets/" + name)) {
            return DeadlinePolicyLoader.load(in);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
