package org.interlend.workflows.diagrams;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads a BPMN file's diagram (BPMN DI) and lists what a modeller would see as a mess: elements
 * without a shape, boundary events off their task's border, flows that start or end away from their
 * shapes, flows drawn through shapes they do not connect or on top of another flow, and labels on
 * top of shapes or of other labels. Plain XML and plane geometry, no BPMN library.
 *
 * <p>Run on one file: {@code java DiagramGeometry.java model.bpmn}.
 */
public final class DiagramGeometry {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
  static final String DI = "http://www.omg.org/spec/DD/20100524/DI";

  /** How far (px) a point may lie from the line it should be on. */
  static final double TOLERANCE = 3;

  /**
   * How far (px) shapes and labels are shrunk before testing overlaps, so touching is not crossing.
   */
  static final double INSET = 2;

  /** Flows running on top of each other for longer than this (px) read as one. */
  static final double SHARED_RUN = 8;

  private static final Set<String> EVENTS =
      Set.of(
          "startEvent",
          "endEvent",
          "boundaryEvent",
          "intermediateCatchEvent",
          "intermediateThrowEvent");
  private static final Set<String> GATEWAYS =
      Set.of(
          "exclusiveGateway",
          "parallelGateway",
          "inclusiveGateway",
          "eventBasedGateway",
          "complexGateway");
  private static final Set<String> ACTIVITIES =
      Set.of(
          "task",
          "serviceTask",
          "userTask",
          "scriptTask",
          "businessRuleTask",
          "sendTask",
          "receiveTask",
          "manualTask",
          "callActivity",
          "subProcess");

  record Rect(double x, double y, double w, double h) {
    double cx() {
      return x + w / 2;
    }

    double cy() {
      return y + h / 2;
    }

    Rect inset(double d) {
      return new Rect(x + d, y + d, w - 2 * d, h - 2 * d);
    }

    boolean overlaps(Rect o) {
      return x < o.x + o.w
          && o.x < x + w
          && y < o.y + o.h
          && o.y < y + h
          && w > 0
          && h > 0
          && o.w > 0
          && o.h > 0;
    }

    boolean contains(Rect o) {
      return o.x >= x && o.y >= y && o.x + o.w <= x + w && o.y + o.h <= y + h;
    }

    /** Distance from a point to this rectangle's border (0 on it). */
    double toBorder(double px, double py) {
      boolean inside = px >= x && px <= x + w && py >= y && py <= y + h;
      if (inside) {
        return Math.min(Math.min(px - x, x + w - px), Math.min(py - y, y + h - py));
      }
      double dx = Math.max(Math.max(x - px, 0), px - (x + w));
      double dy = Math.max(Math.max(y - py, 0), py - (y + h));
      return Math.hypot(dx, dy);
    }
  }

  record Point(double x, double y) {}

  /** A flow node: its BPMN kind, name, the container it sits in, and its shape. */
  record Shape(
      String id,
      String kind,
      String name,
      String container,
      String attachedTo,
      Rect bounds,
      Rect label,
      boolean expanded) {
    boolean isEvent() {
      return EVENTS.contains(kind);
    }

    boolean isGateway() {
      return GATEWAYS.contains(kind);
    }

    boolean isContainer() {
      return "subProcess".equals(kind) && expanded;
    }

    boolean hasOutsideLabel() {
      return (isEvent() || isGateway()) && name != null && !name.isBlank();
    }
  }

  record Flow(
      String id, String name, String source, String target, List<Point> points, Rect label) {}

  private final String file;
  private final Map<String, Shape> shapes = new LinkedHashMap<>();
  private final Map<String, Flow> flows = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  private DiagramGeometry(String file) {
    this.file = file;
  }

  /** Every problem found in one BPMN file, each a line naming the element. */
  public static List<String> problems(String file, InputStream bpmn) {
    DiagramGeometry g = new DiagramGeometry(file);
    g.read(bpmn);
    g.check();
    return g.problems;
  }

  public static List<String> problems(Path bpmn) throws IOException {
    try (InputStream in = Files.newInputStream(bpmn)) {
      return problems(bpmn.getFileName().toString(), in);
    }
  }

  public static void main(String[] args) throws IOException {
    int total = 0;
    for (String a : args) {
      List<String> p = problems(Path.of(a));
      p.forEach(System.out::println);
      total += p.size();
      try (InputStream in = Files.newInputStream(Path.of(a))) {
        System.out.println(a + ": " + crossings(a, in) + " crossings of flows");
      }
    }
    System.out.println(total + " problems");
  }

  // ---- reading ----

  private void read(InputStream in) {
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      doc = f.newDocumentBuilder().parse(in);
    } catch (Exception e) {
      throw new IllegalArgumentException(file + ": not readable XML: " + e.getMessage(), e);
    }
    Map<String, Element> shapeDi = new LinkedHashMap<>();
    for (Element s : elements(doc, BPMNDI, "BPMNShape")) {
      shapeDi.put(s.getAttribute("bpmnElement"), s);
    }
    Map<String, Element> edgeDi = new LinkedHashMap<>();
    for (Element e : elements(doc, BPMNDI, "BPMNEdge")) {
      edgeDi.put(e.getAttribute("bpmnElement"), e);
    }
    Set<String> known = new HashSet<>();
    for (Element process : elements(doc, BPMN, "process")) {
      known.add(process.getAttribute("id"));
      readContainer(process, process.getAttribute("id"), shapeDi, edgeDi, known);
    }
    for (String id : shapeDi.keySet()) {
      if (!known.contains(id)) {
        problems.add(file + ": " + id + ": a shape in the diagram for no element of the process");
      }
    }
    for (String id : edgeDi.keySet()) {
      if (!known.contains(id)) {
        problems.add(file + ": " + id + ": an edge in the diagram for no element of the process");
      }
    }
  }

  private void readContainer(
      Element container,
      String containerId,
      Map<String, Element> shapeDi,
      Map<String, Element> edgeDi,
      Set<String> known) {
    for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e) || !BPMN.equals(e.getNamespaceURI())) {
        continue;
      }
      String kind = e.getLocalName();
      String id = e.getAttribute("id");
      if (EVENTS.contains(kind) || GATEWAYS.contains(kind) || ACTIVITIES.contains(kind)) {
        known.add(id);
        Element di = shapeDi.get(id);
        if (di == null) {
          problems.add(file + ": " + id + " (" + kind + "): no shape in the diagram");
        } else {
          Element bounds = child(di, DC, "Bounds");
          Element label = child(di, BPMNDI, "BPMNLabel");
          Rect b = bounds == null ? null : rect(bounds);
          Rect l =
              label == null || child(label, DC, "Bounds") == null
                  ? null
                  : rect(child(label, DC, "Bounds"));
          if (b == null) {
            problems.add(file + ": " + id + ": a shape without bounds");
          } else {
            shapes.put(
                id,
                new Shape(
                    id,
                    kind,
                    nameOf(e),
                    containerId,
                    e.hasAttribute("attachedToRef") ? e.getAttribute("attachedToRef") : null,
                    b,
                    l,
                    !"false".equals(di.getAttribute("isExpanded")) && "subProcess".equals(kind)));
          }
        }
        if ("subProcess".equals(kind)) {
          readContainer(e, id, shapeDi, edgeDi, known);
        }
      } else if ("sequenceFlow".equals(kind)) {
        known.add(id);
        Element di = edgeDi.get(id);
        if (di == null) {
          problems.add(file + ": " + id + " (sequence flow): no edge in the diagram");
          continue;
        }
        List<Point> points = new ArrayList<>();
        for (Element w : children(di, DI, "waypoint")) {
          points.add(new Point(num(w, "x"), num(w, "y")));
        }
        Element label = child(di, BPMNDI, "BPMNLabel");
        Rect l =
            label == null || child(label, DC, "Bounds") == null
                ? null
                : rect(child(label, DC, "Bounds"));
        if (points.size() < 2) {
          problems.add(file + ": " + id + ": an edge with fewer than two waypoints");
        } else {
          flows.put(
              id,
              new Flow(
                  id,
                  nameOf(e),
                  e.getAttribute("sourceRef"),
                  e.getAttribute("targetRef"),
                  points,
                  l));
        }
      }
    }
  }

  // ---- checking ----

  private void check() {
    for (Shape s : shapes.values()) {
      if (s.hasOutsideLabel() && s.label() == null) {
        problems.add(
            file
                + ": "
                + s.id()
                + " \""
                + s.name()
                + "\": its name has no label bounds in the diagram");
      }
      if (s.attachedTo() != null) {
        Shape host = shapes.get(s.attachedTo());
        if (host != null && host.bounds().toBorder(s.bounds().cx(), s.bounds().cy()) > TOLERANCE) {
          problems.add(file + ": " + s.id() + ": boundary event not on the border of " + host.id());
        }
      }
    }
    List<Shape> all = new ArrayList<>(shapes.values());
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        Shape a = all.get(i);
        Shape b = all.get(j);
        boolean related =
            a.id().equals(b.attachedTo())
                || b.id().equals(a.attachedTo())
                || a.isContainer()
                || b.isContainer();
        if (!related && a.bounds().inset(INSET).overlaps(b.bounds().inset(INSET))) {
          problems.add(file + ": " + a.id() + " and " + b.id() + ": shapes on top of each other");
        }
      }
    }
    for (Flow f : flows.values()) {
      if (f.name() != null && !f.name().isBlank() && f.label() == null) {
        problems.add(
            file
                + ": "
                + f.id()
                + " \""
                + f.name()
                + "\": its name has no label bounds in the diagram");
      }
      Shape source = shapes.get(f.source());
      Shape target = shapes.get(f.target());
      if (source != null && outlineDistance(source, f.points().get(0)) > TOLERANCE) {
        problems.add(file + ": " + f.id() + ": does not start on the outline of " + source.id());
      }
      if (target != null
          && outlineDistance(target, f.points().get(f.points().size() - 1)) > TOLERANCE) {
        problems.add(file + ": " + f.id() + ": does not end on the outline of " + target.id());
      }
      for (Shape s : shapes.values()) {
        if (s.id().equals(f.source()) || s.id().equals(f.target())) {
          continue;
        }
        if (s.isContainer() ? crossesContainer(f, s) : crossesShape(f, s)) {
          problems.add(
              file + ": " + f.id() + ": drawn through " + s.id() + ", which it does not connect");
        }
      }
    }
    checkSharedRuns();
    checkLabels();
  }

  /** How far a point is from the drawn outline of a shape: circle, diamond or rectangle. */
  static double outlineDistance(Shape s, Point p) {
    Rect b = s.bounds();
    double dx = p.x() - b.cx();
    double dy = p.y() - b.cy();
    if (s.isEvent()) {
      return Math.abs(Math.hypot(dx, dy) - b.w() / 2);
    }
    if (s.isGateway()) {
      double f = Math.abs(dx) / (b.w() / 2) + Math.abs(dy) / (b.h() / 2);
      // along the ray from the centre, the diamond's edge lies at 1/f of the way
      double len = Math.hypot(dx, dy);
      return f == 0 ? b.w() / 2 : Math.abs(len - len / f);
    }
    return b.toBorder(p.x(), p.y());
  }

  /**
   * Whether a flow passes through the drawn shape (inset, so touching its outline does not count).
   */
  private static boolean crossesShape(Flow f, Shape s) {
    for (int i = 0; i + 1 < f.points().size(); i++) {
      Point a = f.points().get(i);
      Point b = f.points().get(i + 1);
      if (segmentHitsShape(a, b, s)) {
        return true;
      }
    }
    return false;
  }

  static boolean segmentHitsShape(Point a, Point b, Shape s) {
    Rect r = s.bounds();
    if (s.isEvent()) {
      return segmentToPoint(a, b, r.cx(), r.cy()) < r.w() / 2 - INSET;
    }
    if (s.isGateway()) {
      // the diamond, shrunk: |x - cx| / hw + |y - cy| / hh < 1, sampled along the segment
      double hw = r.w() / 2 - INSET;
      double hh = r.h() / 2 - INSET;
      double len = Math.hypot(b.x() - a.x(), b.y() - a.y());
      int steps = Math.max(1, (int) Math.ceil(len));
      for (int k = 0; k <= steps; k++) {
        double t = (double) k / steps;
        double x = a.x() + (b.x() - a.x()) * t;
        double y = a.y() + (b.y() - a.y()) * t;
        if (Math.abs(x - r.cx()) / hw + Math.abs(y - r.cy()) / hh < 1) {
          return true;
        }
      }
      return false;
    }
    return segmentHitsRect(a, b, r.inset(INSET));
  }

  /**
   * A flow from outside an expanded sub-process must not run across it (its own flows run inside).
   */
  private boolean crossesContainer(Flow f, Shape container) {
    if (inside(f.source(), container.id()) || inside(f.target(), container.id())) {
      return false;
    }
    return crossesShape(
        f, new Shape(container.id(), "task", null, null, null, container.bounds(), null, false));
  }

  private boolean inside(String elementId, String containerId) {
    Shape s = shapes.get(elementId);
    while (s != null) {
      if (containerId.equals(s.container()) || containerId.equals(s.attachedTo())) {
        return true;
      }
      s = shapes.get(s.container());
    }
    return false;
  }

  /**
   * Two flows drawn along the same line for a stretch, unless they share an end (a split or a
   * join).
   */
  private void checkSharedRuns() {
    List<Flow> all = new ArrayList<>(flows.values());
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        Flow f = all.get(i);
        Flow g = all.get(j);
        if (f.source().equals(g.source()) || f.target().equals(g.target())) {
          continue;
        }
        if (sharedRun(f, g) > SHARED_RUN) {
          problems.add(file + ": " + f.id() + " and " + g.id() + ": drawn on top of each other");
        }
      }
    }
  }

  private static double sharedRun(Flow f, Flow g) {
    double longest = 0;
    for (int i = 0; i + 1 < f.points().size(); i++) {
      for (int j = 0; j + 1 < g.points().size(); j++) {
        longest =
            Math.max(
                longest,
                collinearOverlap(
                    f.points().get(i),
                    f.points().get(i + 1),
                    g.points().get(j),
                    g.points().get(j + 1)));
      }
    }
    return longest;
  }

  static double collinearOverlap(Point a, Point b, Point c, Point d) {
    boolean abH = Math.abs(a.y() - b.y()) < 1;
    boolean cdH = Math.abs(c.y() - d.y()) < 1;
    boolean abV = Math.abs(a.x() - b.x()) < 1;
    boolean cdV = Math.abs(c.x() - d.x()) < 1;
    if (abH && cdH && Math.abs(a.y() - c.y()) < 2) {
      return overlap(a.x(), b.x(), c.x(), d.x());
    }
    if (abV && cdV && Math.abs(a.x() - c.x()) < 2) {
      return overlap(a.y(), b.y(), c.y(), d.y());
    }
    return 0;
  }

  private static double overlap(double a1, double a2, double b1, double b2) {
    return Math.min(Math.max(a1, a2), Math.max(b1, b2))
        - Math.max(Math.min(a1, a2), Math.min(b1, b2));
  }

  /**
   * External labels (names of events, gateways and flows): none on top of another label, of a shape
   * (its own included) or across a sub-process's border.
   */
  private void checkLabels() {
    Map<String, Rect> labels = new LinkedHashMap<>();
    shapes.values().stream()
        .filter(s -> s.label() != null && s.name() != null && !s.name().isBlank())
        .forEach(s -> labels.put(s.id(), s.label()));
    flows.values().stream()
        .filter(f -> f.label() != null && f.name() != null && !f.name().isBlank())
        .forEach(f -> labels.put(f.id(), f.label()));
    List<String> ids = new ArrayList<>(labels.keySet());
    for (int i = 0; i < ids.size(); i++) {
      Rect a = labels.get(ids.get(i)).inset(1);
      for (int j = i + 1; j < ids.size(); j++) {
        if (a.overlaps(labels.get(ids.get(j)).inset(1))) {
          problems.add(file + ": labels of " + ids.get(i) + " and " + ids.get(j) + " overlap");
        }
      }
      for (Shape s : shapes.values()) {
        if (s.isContainer()) {
          Rect c = s.bounds();
          if (a.overlaps(c) && !c.contains(a)) {
            problems.add(
                file + ": label of " + ids.get(i) + " lies across the border of " + s.id());
          }
        } else if (labelCoversShape(a, s)) {
          problems.add(file + ": label of " + ids.get(i) + " covers " + s.id());
        }
      }
      for (Flow f : flows.values()) {
        if (!f.id().equals(ids.get(i)) && crossesRect(f, a.inset(INSET))) {
          problems.add(file + ": label of " + ids.get(i) + " is crossed by " + f.id());
        }
      }
    }
  }

  private static boolean labelCoversShape(Rect label, Shape s) {
    Rect b = s.bounds().inset(1);
    if (!label.overlaps(b)) {
      return false;
    }
    if (s.isEvent() || s.isGateway()) {
      // the drawn circle or diamond, not its corners: any corner or edge point of the label inside
      // it
      double hw = b.w() / 2;
      double hh = b.h() / 2;
      double nx = Math.max(label.x(), Math.min(b.cx(), label.x() + label.w()));
      double ny = Math.max(label.y(), Math.min(b.cy(), label.y() + label.h()));
      double dx = Math.abs(nx - b.cx());
      double dy = Math.abs(ny - b.cy());
      return s.isEvent() ? Math.hypot(dx, dy) < hw : dx / hw + dy / hh < 1;
    }
    return true;
  }

  private static boolean crossesRect(Flow f, Rect r) {
    for (int i = 0; i + 1 < f.points().size(); i++) {
      if (segmentHitsRect(f.points().get(i), f.points().get(i + 1), r)) {
        return true;
      }
    }
    return false;
  }

  /** Liang-Barsky: does the segment a-b enter the open rectangle r? */
  static boolean segmentHitsRect(Point a, Point b, Rect r) {
    if (r.w() <= 0 || r.h() <= 0) {
      return false;
    }
    double t0 = 0;
    double t1 = 1;
    double dx = b.x() - a.x();
    double dy = b.y() - a.y();
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {a.x() - r.x(), r.x() + r.w() - a.x(), a.y() - r.y(), r.y() + r.h() - a.y()};
    for (int i = 0; i < 4; i++) {
      if (p[i] == 0) {
        if (q[i] <= 0) {
          return false;
        }
      } else {
        double t = q[i] / p[i];
        if (p[i] < 0) {
          t0 = Math.max(t0, t);
        } else {
          t1 = Math.min(t1, t);
        }
      }
    }
    return t1 - t0 > 1e-9;
  }

  private static double segmentToPoint(Point a, Point b, double px, double py) {
    double dx = b.x() - a.x();
    double dy = b.y() - a.y();
    double len2 = dx * dx + dy * dy;
    double t =
        len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - a.x()) * dx + (py - a.y()) * dy) / len2));
    return Math.hypot(a.x() + t * dx - px, a.y() + t * dy - py);
  }

  /**
   * Pairs of flows whose lines cross (reported, not a failure: some crossings cannot be avoided).
   */
  public static int crossings(String file, InputStream bpmn) {
    DiagramGeometry g = new DiagramGeometry(file);
    g.read(bpmn);
    List<Flow> all = new ArrayList<>(g.flows.values());
    int n = 0;
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        n += crossingCount(all.get(i), all.get(j));
      }
    }
    return n;
  }

  private static int crossingCount(Flow f, Flow g) {
    int n = 0;
    for (int i = 0; i + 1 < f.points().size(); i++) {
      for (int j = 0; j + 1 < g.points().size(); j++) {
        if (properlyCross(
            f.points().get(i), f.points().get(i + 1), g.points().get(j), g.points().get(j + 1))) {
          n++;
        }
      }
    }
    return n;
  }

  private static boolean properlyCross(Point a, Point b, Point c, Point d) {
    double d1 = cross(c, d, a);
    double d2 = cross(c, d, b);
    double d3 = cross(a, b, c);
    double d4 = cross(a, b, d);
    return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
  }

  private static double cross(Point o, Point a, Point b) {
    return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
  }

  // ---- XML helpers ----

  private static List<Element> elements(Document doc, String ns, String name) {
    NodeList list = doc.getElementsByTagNameNS(ns, name);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }

  private static List<Element> children(Element parent, String ns, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && ns.equals(e.getNamespaceURI())
          && name.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  private static Element child(Element parent, String ns, String name) {
    List<Element> c = children(parent, ns, name);
    return c.isEmpty() ? null : c.get(0);
  }

  private static String nameOf(Element e) {
    return e.hasAttribute("name") ? e.getAttribute("name") : null;
  }

  private static Rect rect(Element bounds) {
    return new Rect(
        num(bounds, "x"), num(bounds, "y"), num(bounds, "width"), num(bounds, "height"));
  }

  private static double num(Element e, String attr) {
    return Double.parseDouble(e.getAttribute(attr));
  }
}
