package org.interlend.app.desk;

import org.interlend.workflows.engine.UserTasks.TaskNotOpenException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** The desk's refusals, on the app's error page: another group's task, a task no longer open. */
@ControllerAdvice(assignableTypes = {StaffDeskController.class, DeskDocumentsController.class})
class DeskErrors {

  @ExceptionHandler(StaffDeskController.NotYourTask.class)
  ModelAndView notYours(StaffDeskController.NotYourTask e) {
    return page(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
  }

  @ExceptionHandler({StaffDeskController.TaskGone.class, TaskNotOpenException.class})
  ModelAndView gone(RuntimeException e) {
    return page(
        HttpStatus.CONFLICT,
        "Not possible",
        e instanceof TaskNotOpenException
            ? "The task is no longer open to you (someone else holds or completed it). Nothing was changed."
            : e.getMessage());
  }

  private static ModelAndView page(HttpStatus status, String error, String message) {
    ModelAndView page = new ModelAndView("error");
    page.setStatus(status);
    page.addObject("status", status.value());
    page.addObject("error", error);
    page.addObject("message", message);
    return page;
  }
}
