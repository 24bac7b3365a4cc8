package io.qualityhub.reports.render;

/** A report could not be rendered; the message names the report, never its content. */
public class ReportRenderingException extends RuntimeException {

    public ReportRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
