package org.interlend.app.desk;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.interlend.app.local.LocalMode;
import org.interlend.storage.DocumentStore;
import org.interlend.workflows.engine.EmbeddedEngine;
import org.interlend.workflows.engine.Models;
import org.interlend.workflows.engine.UserTasks;
import org.interlend.workflows.engine.UserTasks.OpenTask;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The local staff desk: stands in for Camunda Tasklist when the engine runs in-process. It lists
 * open user tasks and completes them with the task's own Camunda Form. Local mode only.
 */
@Controller
@Conditional(LocalMode.class)
@RequestMapping("/desk")
public class StaffDeskController {

  /** The most the local engine's clock moves in one step (days and hours together). */
  static final Duration MAX_CLOCK_STEP = Duration.ofDays(400);

  private final UserTasks userTasks;
  private final Models models;
  private final DocumentStore store;
  private final CamundaClient client;
  private final EmbeddedEngine engine;

  public StaffDeskController(
      UserTasks userTasks,
      Models models,
      DocumentStore store,
      CamundaClient client,
      EmbeddedEngine engine) {
    this.userTasks = userTasks;
    this.models = models;
    this.store = store;
    this.client = client;
    this.engine = engine;
  }

  public record TaskRow(OpenTask task, String name, String processName) {}

  @GetMapping
  public String list(
      @RequestParam(required = false) String group, Authentication user, Model model) {
    List<TaskRow> rows = new ArrayList<>();
    Set<String> mine = groups(user);
    for (OpenTask t : userTasks.open()) {
      if (!forGroups(t, mine)
          || (group != null && !group.isBlank() && !t.candidateGroups().contains(group))) {
        continue;
      }
      rows.add(new TaskRow(t, taskName(t), models.processName(t.bpmnProcessId())));
    }
    model.addAttribute("tasks", rows);
    model.addAttribute("group", group);
    return "desk/tasks";
  }

  @GetMapping("/tasks/{key}")
  public String show(@PathVariable long key, Authentication user, Model model) {
    OpenTask task = openTask(key, user);
    fill(model, task, Map.of(), Map.of());
    return "desk/task";
  }

  @PostMapping("/tasks/{key}")
  public String complete(
      @PathVariable long key,
      HttpServletRequest request,
      HttpServletResponse response,
      Authentication user,
      Model model,
      RedirectAttributes redirect) {
    OpenTask task = openTask(key, user);
    CamundaForm form = form(task);
    Map<String, List<String>> fileKeys = new LinkedHashMap<>();
    if (request instanceof MultipartHttpServletRequest multipart) {
      MultiValueMap<String, MultipartFile> files = multipart.getMultiFileMap();
      for (var entry : files.entrySet()) {
        for (MultipartFile file : entry.getValue()) {
          if (!file.isEmpty()) {
            fileKeys.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(upload(key, file));
          }
        }
      }
    }
    CamundaForm.Binding binding = form.bind(request.getParameterMap(), fileKeys);
    if (!binding.valid()) {
      fileKeys.values().forEach(keys -> keys.forEach(store::remove)); // lose nothing, keep nothing
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      fill(model, task, submittedValues(request), binding.errors());
      return "desk/task";
    }
    userTasks.complete(key, binding.variables());
    redirect.addFlashAttribute("message", "Completed \"" + taskName(task) + "\".");
    return "redirect:/desk";
  }

  @PostMapping("/smoke")
  public String startSmoke(@RequestParam(defaultValue = "desk@interlend.local") String recipient,
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
    return "redirect:/desk";
  }

  /** Moves the local engine's clock, so timers (pickup windows, due dates) can be walked by hand. */
  @PostMapping("/clock")
  public String advanceClock(@RequestParam int days, @RequestParam(defaultValue = "0") int hours,
      RedirectAttributes redirect) {
    long totalHours = (long) days * 24 + hours;
    if (days < 0 || hours < 0 || totalHours <= 0 || totalHours > MAX_CLOCK_STEP.toHours()) {
      redirect.addFlashAttribute(
          "message", "The clock only moves forward, by at most " + MAX_CLOCK_STEP.toDays() + " days at a time.");
      return "redirect:/desk";
    }
    engine.increaseTime(Duration.ofHours(totalHours));
    redirect.addFlashAttribute(
        "message", "Engine clock moved forward by " + days + " days " + hours + " hours.");
    return "redirect:/desk";
  }

  private String upload(long taskKey, MultipartFile file) {
    String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    String objectKey = "uploads/" + taskKey + "/" + UUID.randomUUID() + "/" + safe;
    try (InputStream in = file.getInputStream()) {
      store.put(
          objectKey,
          in,
          file.getSize(),
          file.getContentType() == null ? "application/octet-stream" : file.getContentType(),
          Map.of("original-name", safe));
    } catch (IOException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "cannot read the upload " + safe, e);
    }
    return objectKey;
  }

  private void fill(Model model, OpenTask task, Map<String, String> values, Map<String, String> errors) {
    CamundaForm form = form(task);
    Map<String, Object> variables = userTasks.processVariables(task.processInstanceKey());
    Map<String, String> shown = new LinkedHashMap<>();
    for (CamundaForm.Field f : form.fields()) {
      if (f.input() && variables.containsKey(f.key()) && variables.get(f.key()) != null) {
        shown.put(f.key(), String.valueOf(variables.get(f.key())));
      }
    }
    shown.putAll(values);
    model.addAttribute("task", task);
    model.addAttribute("name", taskName(task));
    model.addAttribute("processName", models.processName(task.bpmnProcessId()));
    model.addAttribute("form", form);
    model.addAttribute("variables", variables);
    model.addAttribute("values", shown);
    model.addAttribute("errors", errors);
  }

  private static Map<String, String> submittedValues(HttpServletRequest request) {
    Map<String, String> values = new LinkedHashMap<>();
    request.getParameterMap().forEach((k, v) -> values.put(k, v.length == 0 ? "" : v[0]));
    return values;
  }

  private OpenTask openTask(long key, Authentication user) {
    OpenTask task =
        userTasks
            .find(key)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "No open task " + key + ": it may have been completed."));
    if (!forGroups(task, groups(user))) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN,
          "Task " + key + " is for " + String.join(", ", task.candidateGroups()) + ".");
    }
    return task;
  }

  /** The candidate groups the signed-in staff member belongs to (authorities GROUP_<group>). */
  private static Set<String> groups(Authentication user) {
    Set<String> groups = new HashSet<>();
    for (GrantedAuthority a : user.getAuthorities()) {
      if (a.getAuthority().startsWith("GROUP_")) {
        groups.add(a.getAuthority().substring("GROUP_".length()));
      }
    }
    return groups;
  }

  /** As in Tasklist: staff see and complete the tasks of their candidate groups. */
  private static boolean forGroups(OpenTask task, Set<String> groups) {
    return task.candidateGroups().stream().anyMatch(groups::contains);
  }

  private CamundaForm form(OpenTask task) {
    String formId =
        models
            .userTask(task.bpmnProcessId(), task.elementId())
            .map(Models.UserTaskModel::formId)
            .orElse(null);
    return CamundaForm.parse(models.form(formId).orElse("{\"components\":[]}"));
  }

  private String taskName(OpenTask task) {
    return models
        .userTask(task.bpmnProcessId(), task.elementId())
        .map(Models.UserTaskModel::name)
        .orElse(task.elementId());
  }
}
