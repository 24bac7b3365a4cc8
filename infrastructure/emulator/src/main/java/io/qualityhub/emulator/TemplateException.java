package io.qualityhub.emulator;

/** A template cannot be read or resolved: it is malformed, or uses something the local bootstrap does not know. */
public final class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
