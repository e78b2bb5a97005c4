package org.interlend.platform;

import java.util.Objects;

/**
 * A configuration setting is missing, wrong, or points at something that does not work.
 *
 * <p>{@link #setting()} is the property name as a user writes it (for example {@code
 * interlend.storage.endpoint}); the message says what is wrong in plain words and does not repeat
 * the setting. The application reports both on one line at start-up.
 */
public class SettingProblem extends RuntimeException {

  private final String setting;

  public SettingProblem(String setting, String message) {
    this(setting, message, null);
  }

  public SettingProblem(String setting, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.setting = Objects.requireNonNull(setting, "setting");
  }

  /** The property name, for example {@code interlend.storage.endpoint}. */
  public String setting() {
    return setting;
  }
}
