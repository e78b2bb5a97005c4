package org.interlend.workflows.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the deployed models say about their user tasks: names and linked forms, read from the same
 * BPMN and {@code .form} files that are deployed, so the local staff desk renders exactly what
 * Tasklist renders.
 */
public final class Models {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";

  private final Map<String, String> processNames;
  private final Map<String, UserTaskModel> userTasks;
  private final Map<String, String> forms;
  private final Map<String, String> elementNames;

  private Models(
      Map<String, String> processNames,
      Map<String, UserTaskModel> userTasks,
      Map<String, String> forms,
      Map<String, String> elementNames) {
    this.processNames = processNames;
    this.userTasks = userTasks;
    this.forms = forms;
    this.elementNames = elementNames;
  }

  public record UserTaskModel(String processId, String elementId, String name, String formId) {}

  public static Models load() {
    var resolver = new PathMatchingResourcePatternResolver();
    Map<String, String> processNames = new HashMap<>();
    Map<String, UserTaskModel> userTasks = new HashMap<>();
    Map<String, String> forms = new HashMap<>();
    Map<String, String> elementNames = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try {
      for (Resource r : resolver.getResources("classpath*:/camunda/**/*.form")) {
        try (InputStream in = r.getInputStream()) {
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          forms.put(json.readTree(text).path("id").asText(), text);
        }
      }
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      for (Resource r : resolver.getResources("classpath*:/camunda/**/*.bpmn")) {
        Document doc;
        try (InputStream in = r.getInputStream()) {
          doc = factory.newDocumentBuilder().parse(in);
        }
        NodeList processes = doc.getElementsByTagNameNS(BPMN, "process");
        for (int i = 0; i < processes.getLength(); i++) {
          Element process = (Element) processes.item(i);
          String processId = process.getAttribute("id");
          processNames.put(processId, nameOr(process, processId));
          NodeList elements = process.getElementsByTagNameNS(BPMN, "*");
          for (int j = 0; j < elements.getLength(); j++) {
            Element element = (Element) elements.item(j);
            String name = element.getAttribute("name");
            if (!element.getAttribute("id").isBlank() && !name.isBlank()) {
              elementNames.put(processId + "/" + element.getAttribute("id"), name);
            }
          }
          NodeList tasks = process.getElementsByTagNameNS(BPMN, "userTask");
          for (int j = 0; j < tasks.getLength(); j++) {
            Element task = (Element) tasks.item(j);
            NodeList formDefinitions = task.getElementsByTagNameNS(ZEEBE, "formDefinition");
            String formId =
                formDefinitions.getLength() == 0
                    ? null
                    : ((Element) formDefinitions.item(0)).getAttribute("formId");
            String elementId = task.getAttribute("id");
            userTasks.put(
                processId + "/" + elementId,
                new UserTaskModel(processId, elementId, nameOr(task, elementId), formId));
          }
        }
      }
    } catch (IOException
        | javax.xml.parsers.ParserConfigurationException
        | org.xml.sax.SAXException e) {
      throw new IllegalStateException("cannot read the models under classpath:camunda/", e);
    }
    return new Models(
        Map.copyOf(processNames),
        Map.copyOf(userTasks),
        Map.copyOf(forms),
        Map.copyOf(elementNames));
  }

  private static String nameOr(Element element, String fallback) {
    String name = element.getAttribute("name");
    return name == null || name.isBlank() ? fallback : name;
  }

  public String processName(String processId) {
    return processNames.getOrDefault(processId, processId);
  }

  /** The name of a step of a process as the model gives it, or its id. */
  public String elementName(String processId, String elementId) {
    return elementNames.getOrDefault(processId + "/" + elementId, elementId);
  }

  public Optional<UserTaskModel> userTask(String processId, String elementId) {
    return Optional.ofNullable(userTasks.get(processId + "/" + elementId));
  }

  public Optional<String> form(String formId) {
    return Optional.ofNullable(formId).map(forms::get);
  }

  public Map<String, String> forms() {
    return forms;
  }
}
