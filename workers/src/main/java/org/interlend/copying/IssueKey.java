package org.interlend.copying;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The comparable form of a journal volume or issue as patrons type it, so that "3", "No. 3",
 * "no.3", "Issue 3", "#3", "03" and "第3期" are the same issue for s.47, while "3" and "4" (or "3-4")
 * stay different. Labels (vol, volume, v, issue, iss, no, nos, number, n, #, 第, 期, 卷, 號) and
 * punctuation go, digit runs lose leading zeros, letters are lower case, ranges keep one hyphen.
 */
public final class IssueKey {

  private static final Pattern LABELS =
      Pattern.compile("\\b(volumes?|vols?|v|issues?|iss|numbers?|nos?|n)\\b\\.?");
  private static final Pattern CJK_LABELS = Pattern.compile("[第期卷號号#]");
  private static final Pattern RANGE = Pattern.compile("\\s*[-–—/&]\\s*");
  private static final Pattern OTHER = Pattern.compile("[^a-z0-9\\-]");
  private static final Pattern LEADING_ZEROS = Pattern.compile("(?<![0-9])0+(?=[0-9])");

  private IssueKey() {}

  /** The key of a volume or issue as typed; null when nothing is left (blank or labels only). */
  public static String of(String typed) {
    if (typed == null) {
      return null;
    }
    String s = typed.toLowerCase(Locale.ROOT).strip();
    s = CJK_LABELS.matcher(s).replaceAll(" ");
    s = LABELS.matcher(s).replaceAll(" ");
    s = RANGE.matcher(s).replaceAll("-");
    s = OTHER.matcher(s).replaceAll("");
    s = LEADING_ZEROS.matcher(s).replaceAll("");
    s = s.replaceAll("^-+|-+$", "");
    return s.isEmpty() ? null : s;
  }

  /** Whether two typed volumes (or issues) name the same one; two blanks are the same. */
  public static boolean same(String a, String b) {
    return java.util.Objects.equals(of(a), of(b));
  }
}
