package io.qualityhub.core.config;

/** Another change to the configuration store was stored between reading the current version and writing a new one. */
public class ConcurrentConfigChangeException extends RuntimeException {

  public ConcurrentConfigChangeException(String name, Throwable cause) {
    super("another change to the configuration was stored while '" + name + "' was being stored; nothing of this change"
        + " was kept: read the current version (config get " + name + ") and run it again", cause);
  }
}
