package io.qualityhub.monitor;

/** The monitor's input is not what the schedules send; the message says which field and what is accepted. */
public class InvalidMonitorRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidMonitorRequestException(String problem) {
    super("monitor input: " + problem + ". Expected {\"asOf\": \"2026-11-23T00:00:00Z\" (optional), \"scope\": \"all|green_channel\"}");
  }

  public InvalidMonitorRequestException(String problem, Throwable cause) {
    super("monitor input: " + problem + ". Expected {\"asOf\": \"2026-11-23T00:00:00Z\" (optional), \"scope\": \"all|green_channel\"}", cause);
  }
}
