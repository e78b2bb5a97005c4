package org.interlend.deadlines;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.interlend.calendar.LibraryCalendar;
import org.interlend.lending.lifecycle.EngineTime;
import org.interlend.libraries.Libraries;
import org.interlend.libraries.Library;
import org.springframework.stereotype.Component;

/**
 * Job worker of every "Set deadline" task that comes before a staff task. The task's headers name
 * the staff task ({@code task}, its element id) and the variable holding the library whose staff
 * hold it ({@code library}, e.g. {@code lenderCode}); its input {@code deadlineFrom = now()} is the
 * engine's time. Returns {@code taskRemindAt} and {@code taskEscalateAt} (ISO instants, the dates
 * of the task's boundary timers) and what the reminder and escalation notices say. Idempotent: the
 * same job gives the same answer.
 */
@Component
public class DeadlineWorkers {

  /** Job type of the "Set deadline" tasks. */
  public static final String SET_DEADLINE = "set-deadline";

  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(LibraryCalendar.ZONE);

  private final Deadlines deadlines;
  private final Libraries libraries;

  public DeadlineWorkers(Deadlines deadlines, Libraries libraries) {
    this.deadlines = deadlines;
    this.libraries = libraries;
  }

  @JobWorker(type = SET_DEADLINE)
  public Map<String, Object> setDeadline(ActivatedJob job) {
    Map<String, String> headers = job.getCustomHeaders();
    String task = require(headers.get("task"), "header 'task' (the staff task's id)");
    String libraryVariable = require(headers.get("library"), "header 'library' (a variable name)");
    Map<String, Object> variables = job.getVariablesAsMap();
    Object code = variables.get(libraryVariable);
    if (code == null || code.toString().isBlank()) {
      throw new IllegalArgumentException(
          "variable " + libraryVariable + " (the library) is missing");
    }
    Library library = libraries.get(code.toString());
    Instant from = EngineTime.parse("deadlineFrom", variables.get("deadlineFrom"));
    Deadline deadline = deadlines.deadline(task, library.code(), from);
    DeadlineSetting setting = deadlines.setting(task, library.code());
    Map<String, Object> out = new HashMap<>();
    out.put("taskRemindAt", deadline.remindAt().toString());
    out.put("taskEscalateAt", deadline.escalateAt().toString());
    out.put("taskRemindBy", SHOWN.format(deadline.remindAt()));
    out.put("taskEscalateBy", SHOWN.format(deadline.escalateAt()));
    out.put("deadlineTask", task);
    out.put("deadlineTaskName", setting.taskName());
    out.put("deadlineLibrary", library.code());
    out.put("deadlineLibraryName", library.name());
    out.put("deadlineWorkingDays", setting.escalateAfter());
    return out;
  }

  private static String require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("the Set deadline task has no " + what);
    }
    return value.strip();
  }
}
