package org.interlend.app.console;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where staff open a user task: the local desk when the engine runs in-process, Camunda Tasklist
 * when a cluster runs the processes ({@code interlend.engine.tasklist-url}, else the REST address
 * with {@code /tasklist}).
 */
@Component
class TaskLinks {

  private final String tasklist;

  TaskLinks(
      @Value("${interlend.engine.grpc-address:}") String grpcAddress,
      @Value("${interlend.engine.tasklist-url:}") String tasklistUrl,
      @Value("${interlend.engine.rest-address:}") String restAddress) {
    if (grpcAddress == null || grpcAddress.isBlank()) {
      this.tasklist = null;
    } else if (tasklistUrl != null && !tasklistUrl.isBlank()) {
      this.tasklist = tasklistUrl.replaceAll("/+$", "");
    } else {
      this.tasklist = restAddress.replaceAll("/+$", "") + "/tasklist";
    }
  }

  boolean local() {
    return tasklist == null;
  }

  /** The open tasks' page. */
  String tasks() {
    return local() ? "/desk" : tasklist;
  }

  /** One task's page. */
  String task(long userTaskKey) {
    return local() ? "/desk/tasks/" + userTaskKey : tasklist + "/" + userTaskKey;
  }
}
