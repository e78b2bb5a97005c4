package org.interlend.app.desk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.interlend.app.console.RequestSummaries;
import org.interlend.app.console.RequestSummaries.Summary;
import org.interlend.app.local.LocalMode;
import org.interlend.app.security.Actor;
import org.interlend.libraries.Libraries;
import org.interlend.libraries.Library;
import org.interlend.workflows.engine.EmbeddedEngine;
import org.interlend.workflows.engine.Models;
import org.interlend.workflows.engine.UserTasks;
import org.interlend.workflows.engine.UserTasks.OpenTask;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The open tasks as the desk lists them, with what each is about: the request, its title and
 * patron, the library whose staff it is for, how old it is and when it is due. As in Tasklist,
 * staff see the tasks of their candidate groups only.
 */
@Component
@Conditional(LocalMode.class)
class DeskTasks {

  /** One row of the task list. */
  record Row(
      OpenTask task,
      String name,
      String processName,
      String requestId,
      String title,
      String patron,
      String library,
      String age,
      String due,
      boolean mine) {}

  private final UserTasks userTasks;
  private final Models models;
  private final RequestSummaries summaries;
  private final Libraries libraries;
  private final EmbeddedEngine engine;

  DeskTasks(
      UserTasks userTasks,
      Models models,
      RequestSummaries summaries,
      Libraries libraries,
      EmbeddedEngine engine) {
    this.userTasks = userTasks;
    this.models = models;
    this.summaries = summaries;
    this.libraries = libraries;
    this.engine = engine;
  }

  /** The candidate groups of the signed-in staff: their libraries' groups, and managers'. */
  static Set<String> groups(Actor actor) {
    Set<String> groups = new HashSet<>();
    actor.libraries().forEach(l -> groups.add("staff-" + l));
    if (actor.manager()) {
      groups.add("managers");
    }
    return groups;
  }

  static boolean forGroups(OpenTask task, Set<String> groups) {
    return task.candidateGroups().stream().anyMatch(groups::contains);
  }

  List<Row> rows(Actor actor, String group) {
    Set<String> mine = groups(actor);
    List<OpenTask> tasks = new ArrayList<>();
    for (OpenTask t : userTasks.open()) {
      if (forGroups(t, mine)
          && (group == null || group.isBlank() || t.candidateGroups().contains(group))) {
        tasks.add(t);
      }
    }
    Map<Long, String> requestIds = new java.util.HashMap<>();
    for (OpenTask t : tasks) {
      requestId(t).ifPresent(id -> requestIds.put(t.key(), id));
    }
    Map<String, Summary> about = summaries.of(new HashSet<>(requestIds.values()));
    Instant now = engine.now();
    List<Row> rows = new ArrayList<>();
    for (OpenTask t : tasks) {
      Summary s = about.get(requestIds.get(t.key()));
      rows.add(
          new Row(
              t,
              name(t),
              models.processName(t.bpmnProcessId()),
              requestIds.get(t.key()),
              s == null ? null : s.title(),
              s == null ? null : s.patronName() + " (" + s.patronId() + ")",
              library(t),
              age(Duration.between(t.created(), now)),
              t.dueDate(),
              actor.name().equals(t.assignee())));
    }
    return rows;
  }

  Optional<String> requestId(OpenTask task) {
    return Optional.ofNullable(
            userTasks.processVariables(task.processInstanceKey()).get("requestId"))
        .map(Object::toString);
  }

  String name(OpenTask task) {
    return models
        .userTask(task.bpmnProcessId(), task.elementId())
        .map(Models.UserTaskModel::name)
        .orElse(task.elementId());
  }

  TaskForm form(OpenTask task) {
    return models
        .userTask(task.bpmnProcessId(), task.elementId())
        .map(Models.UserTaskModel::formId)
        .flatMap(models::form)
        .map(TaskForm::parse)
        .orElse(TaskForm.EMPTY);
  }

  /** The library whose staff the task is for, by name ("managers" for cost approval). */
  String library(OpenTask task) {
    for (String group : task.candidateGroups()) {
      for (Library l : libraries.all()) {
        if (l.staffGroup().equals(group)) {
          return l.name();
        }
      }
    }
    return String.join(", ", task.candidateGroups());
  }

  static String age(Duration age) {
    if (age.isNegative() || age.toMinutes() < 1) {
      return "just now";
    }
    if (age.toHours() < 1) {
      return age.toMinutes() + " min";
    }
    if (age.toDays() < 1) {
      return age.toHours() + " h";
    }
    return age.toDays() + (age.toDays() == 1 ? " day" : " days");
  }
}
