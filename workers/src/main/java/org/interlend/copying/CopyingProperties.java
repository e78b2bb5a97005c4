package org.interlend.copying;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code interlend.copying}: the copyright limits, the download window and the scan
 * limits. The defaults are HKALL's published rules (max 5 downloads within 2 weeks) and the usual
 * reading of ss.47-48 of the Copyright Ordinance (one article per journal issue; one chapter or 10%
 * of a work, whichever is more).
 *
 * @param downloadDays days the delivered copy can be downloaded
 * @param maxDownloads downloads allowed within the window
 * @param linkSeconds validity of the presigned link a download redirects to (at most 60)
 * @param maxArticlesPerIssue articles one patron may have from one journal issue (s.47)
 * @param maxChaptersPerWork chapters one patron may have from one book (s.48)
 * @param maxPercentOfWork percent of a work's pages one patron may have (s.48)
 * @param defaultSupplier library asked when no consortium library is known to hold the title; blank
 *     for none (the request is then unfilled)
 * @param maxScanSize largest accepted upload
 * @param pageTolerance pages a scan may have more or fewer than the requested range
 * @param chapterMediationPercent a named chapter longer than this percent of the book goes to
 *     library staff to judge (s.48: "a reasonable proportion"), instead of passing as one chapter
 */
@ConfigurationProperties("interlend.copying")
public record CopyingProperties(
    @DefaultValue("14") int downloadDays,
    @DefaultValue("5") int maxDownloads,
    @DefaultValue("60") int linkSeconds,
    @DefaultValue("1") int maxArticlesPerIssue,
    @DefaultValue("1") int maxChaptersPerWork,
    @DefaultValue("10") int maxPercentOfWork,
    String defaultSupplier,
    @DefaultValue("200MB") DataSize maxScanSize,
    @DefaultValue("2") int pageTolerance,
    @DefaultValue("20") int chapterMediationPercent) {

  @org.springframework.boot.context.properties.bind.ConstructorBinding
  public CopyingProperties {
    require(downloadDays >= 1, "interlend.copying.download-days must be at least 1");
    require(maxDownloads >= 1, "interlend.copying.max-downloads must be at least 1");
    require(
        linkSeconds >= 1 && linkSeconds <= 60,
        "interlend.copying.link-seconds must be between 1 and 60");
    require(
        maxArticlesPerIssue >= 1, "interlend.copying.max-articles-per-issue must be at least 1");
    require(
        maxChaptersPerWork >= 0, "interlend.copying.max-chapters-per-work must not be negative");
    require(
        maxPercentOfWork >= 0 && maxPercentOfWork <= 100,
        "interlend.copying.max-percent-of-work must be between 0 and 100");
    require(pageTolerance >= 0, "interlend.copying.page-tolerance must not be negative");
    require(
        chapterMediationPercent > 0 && chapterMediationPercent <= 100,
        "interlend.copying.chapter-mediation-percent must be between 1 and 100");
    if (defaultSupplier != null && defaultSupplier.isBlank()) {
      defaultSupplier = null;
    }
  }

  /** The settings with the default chapter mediation limit (20%). */
  public CopyingProperties(
      int downloadDays,
      int maxDownloads,
      int linkSeconds,
      int maxArticlesPerIssue,
      int maxChaptersPerWork,
      int maxPercentOfWork,
      String defaultSupplier,
      DataSize maxScanSize,
      int pageTolerance) {
    this(
        downloadDays,
        maxDownloads,
        linkSeconds,
        maxArticlesPerIssue,
        maxChaptersPerWork,
        maxPercentOfWork,
        defaultSupplier,
        maxScanSize,
        pageTolerance,
        20);
  }

  /** The defaults, for plain unit tests. */
  public static CopyingProperties defaults() {
    return new CopyingProperties(14, 5, 60, 1, 1, 10, null, DataSize.ofMegabytes(200), 2);
  }

  public Duration downloadWindow() {
    return Duration.ofDays(downloadDays);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
