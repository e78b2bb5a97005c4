package org.interlend.app.desk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.interlend.app.local.LocalMode;
import org.interlend.app.security.Actor;
import org.interlend.workflows.engine.EmbeddedEngine;
import org.interlend.workflows.engine.UserTasks;
import org.interlend.workflows.engine.UserTasks.OpenTask;
import org.interlend.workflows.engine.UserTasks.TaskNotOpenException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The local staff desk: stands in for Camunda Tasklist when the engine runs in-process. It lists
 * the open user tasks of the signed-in staff's candidate groups with what each is about, lets them
 * claim and unclaim a task, and renders each task's Camunda Form with bpmn.io form-js, the renderer
 * Tasklist embeds, so templating, conditions and validation behave as there. Completing sends the
 * form's data as JSON; files go first to {@code POST /desk/documents}, as Tasklist's go to
 * Camunda's document store. Local mode only.
 */
@Controller
@Conditional(LocalMode.class)
@RequestMapping("/desk")
class StaffDeskController {

  /** The most the local engine's clock moves in one step (days and hours together). */
  static final Duration MAX_CLOCK_STEP = Duration.ofDays(400);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final UserTasks userTasks;
  private final DeskTasks tasks;
  private final CamundaClient client;
  private final EmbeddedEngine engine;
  private final int maxFiles;
  private final DataSize maxFileSize;

  StaffDeskController(
      UserTasks userTasks,
      DeskTasks tasks,
      CamundaClient client,
      EmbeddedEngine engine,
      @Value("${interlend.desk.max-files:20}") int maxFiles,
      @Value("${interlend.desk.max-file-size:50MB}") DataSize maxFileSize) {
    this.userTasks = userTasks;
    this.tasks = tasks;
    this.maxFiles = maxFiles;
    this.maxFileSize = maxFileSize;
    this.client = client;
    this.engine = engine;
  }

  @GetMapping
  String list(@RequestParam(required = false) String group, Principal principal, Model model) {
    Actor actor = Actor.of(principal);
    model.addAttribute("tasks", tasks.rows(actor, group));
    model.addAttribute("group", group);
    model.addAttribute("groups", DeskTasks.groups(actor).stream().sorted().toList());
    return "desk/tasks";
  }

  @GetMapping("/tasks/{key}")
  String show(
      @PathVariable long key, Principal principal, Model model, HttpServletResponse response) {
    Actor actor = Actor.of(principal);
    OpenTask task = userTasks.find(key).orElse(null);
    if (task == null) {
      response.setStatus(HttpStatus.GONE.value());
      model.addAttribute("key", key);
      return "desk/gone";
    }
    requireGroup(task, actor);
    Map<String, Object> variables = userTasks.processVariables(task.processInstanceKey());
    model.addAttribute("task", task);
    model.addAttribute("name", tasks.name(task));
    model.addAttribute("library", tasks.library(task));
    model.addAttribute("requestId", variables.get("requestId"));
    model.addAttribute("mine", actor.name().equals(task.assignee()));
    model.addAttribute("schema", tasks.form(task).schema());
    model.addAttribute("data", json(variables));
    model.addAttribute("maxFiles", maxFiles);
    model.addAttribute("maxFileBytes", maxFileSize.toBytes());
    return "desk/task";
  }

  /** "Assign to me", as in Tasklist: refused while someone else holds the task. */
  @PostMapping("/tasks/{key}/claim")
  String claim(@PathVariable long key, Principal principal, RedirectAttributes redirect) {
    Actor actor = Actor.of(principal);
    OpenTask task = open(key, actor);
    if (task.assignee() != null && !task.assignee().equals(actor.name())) {
      redirect.addFlashAttribute(
          "error", "Task " + key + " is assigned to " + task.assignee() + ".");
      return "redirect:/desk/tasks/" + key;
    }
    userTasks.claim(key, actor.name());
    redirect.addFlashAttribute("message", "\"" + tasks.name(task) + "\" is assigned to you.");
    return "redirect:/desk/tasks/" + key;
  }

  /** "Unassign": the task goes back to its candidate groups. */
  @PostMapping("/tasks/{key}/unclaim")
  String unclaim(@PathVariable long key, Principal principal, RedirectAttributes redirect) {
    OpenTask task = open(key, Actor.of(principal));
    userTasks.unclaim(key);
    redirect.addFlashAttribute("message", "\"" + tasks.name(task) + "\" is no longer assigned.");
    return "redirect:/desk";
  }

  /** The completed form: {@code {"variables": {...}}}, as form-js submitted it. */
  record Completion(Map<String, Object> variables) {}

  /**
   * Completes the task with the form's data (only the form's own fields; file pickers hold the
   * document references {@code POST /desk/documents} returned). Claims it first for the signed-in
   * staff member if nobody holds it: Tasklist completes only assigned tasks, and the task's history
   * names who completed it.
   */
  @PostMapping(path = "/tasks/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<Object> complete(
      @PathVariable long key,
      @RequestBody Completion completion,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    Actor actor = Actor.of(principal);
    OpenTask task = userTasks.find(key).orElse(null);
    if (task == null) {
      return problem(HttpStatus.CONFLICT, "Already completed", alreadyCompleted(key));
    }
    requireGroup(task, actor);
    if (task.assignee() != null && !task.assignee().equals(actor.name())) {
      return problem(
          HttpStatus.CONFLICT,
          "Assigned to someone else",
          "Task " + key + " is assigned to " + task.assignee() + ": nothing was changed.");
    }
    TaskForm form = tasks.form(task);
    Map<String, Object> variables = new LinkedHashMap<>();
    if (completion.variables() != null) {
      completion
          .variables()
          .forEach(
              (k, v) -> {
                if (form.inputKeys().contains(k)) {
                  variables.put(k, v);
                }
              });
    }
    try {
      if (task.assignee() == null) {
        userTasks.claim(key, actor.name());
      }
      userTasks.complete(key, variables);
    } catch (TaskNotOpenException e) {
      return problem(HttpStatus.CONFLICT, "Already completed", alreadyCompleted(key));
    }
    FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
    flash.put(
        "message",
        "Completed \""
            + tasks.name(task)
            + "\""
            + tasks.requestId(task).map(id -> " for " + id).orElse("")
            + ".");
    flash.setTargetRequestPath("/desk");
    RequestContextUtils.saveOutputFlashMap("/desk", request, response);
    return ResponseEntity.ok(Map.of("redirect", request.getContextPath() + "/desk"));
  }

  /** Tools of the local engine: administrators only (SecurityConfiguration). */
  @GetMapping("/admin")
  String admin() {
    return "desk/admin";
  }

  @PostMapping("/smoke")
  String startSmoke(
      @RequestParam(defaultValue = "desk@interlend.local") String recipient,
      RedirectAttributes redirect) {
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("smoke")
            .latestVersion()
            .variables(Map.of("recipient", recipient))
            .send()
            .join()
            .getProcessInstanceKey();
    redirect.addFlashAttribute("message", "Started smoke check " + instance + ".");
    return "redirect:/desk/admin";
  }

  /**
   * Moves the local engine's clock, so timers (pickup windows, due dates) can be walked by hand.
   */
  @PostMapping("/clock")
  String advanceClock(
      @RequestParam int days,
      @RequestParam(defaultValue = "0") int hours,
      RedirectAttributes redirect) {
    long totalHours = (long) days * 24 + hours;
    if (days < 0 || hours < 0 || totalHours <= 0 || totalHours > MAX_CLOCK_STEP.toHours()) {
      redirect.addFlashAttribute(
          "error",
          "The clock only moves forward, by at most "
              + MAX_CLOCK_STEP.toDays()
              + " days at a time.");
      return "redirect:/desk/admin";
    }
    engine.increaseTime(Duration.ofHours(totalHours));
    redirect.addFlashAttribute(
        "message", "Engine clock moved forward by " + days + " days " + hours + " hours.");
    return "redirect:/desk/admin";
  }

  private OpenTask open(long key, Actor actor) {
    OpenTask task = userTasks.find(key).orElseThrow(() -> new TaskGone(alreadyCompleted(key)));
    requireGroup(task, actor);
    return task;
  }

  private String alreadyCompleted(long key) {
    return "Task "
        + key
        + " is no longer open: someone completed it, or its request moved on."
        + " Nothing was changed.";
  }

  /** As in Tasklist: staff see and complete the tasks of their candidate groups. */
  private static void requireGroup(OpenTask task, Actor actor) {
    if (!DeskTasks.forGroups(task, DeskTasks.groups(actor))) {
      throw new NotYourTask(
          "Task " + task.key() + " is for " + String.join(", ", task.candidateGroups()) + ".");
    }
  }

  private static ResponseEntity<Object> problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static String json(Object value) {
    try {
      // safe inside <script type="application/json">: no "</" can close the element
      return JSON.writeValueAsString(value).replace("</", "<\\/");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A task the signed-in staff's groups do not hold (403). */
  static class NotYourTask extends RuntimeException {
    NotYourTask(String message) {
      super(message);
    }
  }

  /** A task that is no longer open (409). */
  static class TaskGone extends RuntimeException {
    TaskGone(String message) {
      super(message);
    }
  }
}
