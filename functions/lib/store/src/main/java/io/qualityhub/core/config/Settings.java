package io.qualityhub.core.config;

import java.util.Map;
import java.util.Optional;

/**
 * A function's configuration: the environment variables template.yaml gives it. Reading a missing
 * variable fails at start-up with the variable's name, not later with a null.
 */
public final class Settings {

  private final Map<String, String> variables;

  public Settings(Map<String, String> variables) {
    this.variables = Map.copyOf(variables);
  }

  public static Settings fromEnvironment() {
    return new Settings(System.getenv());
  }

  public String required(String name) {
    String value = variables.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("environment variable " + name
          + " is not set; template.yaml sets it on AWS and ./qualityhub sets it locally");
    }
    return value;
  }

  /** Every variable, for laying stored configuration over them. */
  public Map<String, String> variables() {
    return variables;
  }

  public Optional<String> optional(String name) {
    return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
  }
}
