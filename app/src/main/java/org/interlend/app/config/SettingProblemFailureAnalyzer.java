package org.interlend.app.config;

import org.interlend.platform.SettingProblem;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad setting into one clear start-up message that names it, instead of a stack trace. */
public class SettingProblemFailureAnalyzer extends AbstractFailureAnalyzer<SettingProblem> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SettingProblem cause) {
    return new FailureAnalysis(
        cause.setting() + ": " + cause.getMessage(),
        "Check the setting "
            + cause.setting()
            + " (environment variable "
            + cause.setting().toUpperCase().replace('.', '_').replace('-', '_')
            + ").",
        cause);
  }
}
