package io.qualityhub.deadlines;

import java.util.List;
import java.util.Objects;

/**
 * One recipient's message for one run.
 *
 * @param recipient the e-mail address
 * @param subject   the subject line
 * @param text      the plain-text body
 * @param html      the HTML body, every value escaped
 * @param records   what the digest told, machine-readable
 */
public record Digest(String recipient, String subject, String text, String html, List<AlertRecord> records) {

    public Digest {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        records = List.copyOf(records);
    }
}
