package org.interlend.workflows.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.interlend.deadlines.Deadlines;
import org.interlend.workflows.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every staff task of every model has a deadline: a "Set deadline" task before it naming it, a
 * timer at the reminder and one at the escalation (for a lender's pull-and-ship, the move to the
 * next lender), and a row in task_deadline. Tasks whose deadline is the patron's (checkout within
 * the pickup window, which has its own timer) and the smoke check are the exceptions.
 */
class DeadlineCoverageTest extends ProcessTest {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
  static final Set<String> PATRON_PACED =
      Set.of("hkallCheckOut", "overseasCheckOut", "confirmSmoke");

  @Autowired Deadlines deadlines;

  @Test
  void everyStaffTaskHasADeadlineWithReminderAndEscalation() throws Exception {
    List<String> checked = new ArrayList<>();
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    for (Resource r :
        new PathMatchingResourcePatternResolver().getResources("classpath*:/camunda/*.bpmn")) {
      Document doc;
      try (InputStream in = r.getInputStream()) {
        doc = factory.newDocumentBuilder().parse(in);
      }
      NodeList tasks = doc.getElementsByTagNameNS(BPMN, "userTask");
      for (int i = 0; i < tasks.getLength(); i++) {
        Element task = (Element) tasks.item(i);
        String id = task.getAttribute("id");
        if (PATRON_PACED.contains(id)) {
          continue;
        }
        checked.add(r.getFilename() + "/" + id);
        assertThat(setDeadlineFor(doc, id))
            .as(r.getFilename() + ": a Set deadline task for " + id)
            .isTrue();
        List<String> timers = boundaryTimers(doc, id);
        assertThat(timers)
            .as(r.getFilename() + ": timers on " + id)
            .contains("=date and time(taskRemindAt)", "=date and time(taskEscalateAt)");
        assertThat(deadlines.setting(id, "cityu").escalateAfter())
            .as("task_deadline row for " + id)
            .isPositive();
      }
    }
    assertThat(checked).hasSizeGreaterThanOrEqualTo(17);
  }

  private static boolean setDeadlineFor(Document doc, String taskId) {
    NodeList headers = doc.getElementsByTagNameNS(ZEEBE, "header");
    for (int i = 0; i < headers.getLength(); i++) {
      Element h = (Element) headers.item(i);
      if (h.getAttribute("key").equals("task") && h.getAttribute("value").equals(taskId)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> boundaryTimers(Document doc, String taskId) {
    List<String> out = new ArrayList<>();
    NodeList events = doc.getElementsByTagNameNS(BPMN, "boundaryEvent");
    for (int i = 0; i < events.getLength(); i++) {
      Element e = (Element) events.item(i);
      if (!e.getAttribute("attachedToRef").equals(taskId)) {
        continue;
      }
      NodeList dates = e.getElementsByTagNameNS(BPMN, "timeDate");
      for (int j = 0; j < dates.getLength(); j++) {
        out.add(dates.item(j).getTextContent().strip());
      }
    }
    return out;
  }
}
