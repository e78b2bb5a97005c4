/**
 * Checks and prepares supplied scans for document delivery (issue 5).
 *
 * <ul>
 *   <li>{@link org.interlend.copying.scan.ScanValidator} decides whether an upload is a usable PDF
 *       and, if not, gives the scanning staff a reason they can act on.</li>
 *   <li>{@link org.interlend.copying.scan.ImagesToPdf} turns page images into one PDF.</li>
 *   <li>{@link org.interlend.copying.scan.Watermarker} adds the copyright cover page and marks every
 *       page of the copy delivered to the patron.</li>
 * </ul>
 *
 * <p>Plain Java on PDFBox 3 and tika-core, with no Spring or engine types, so the job workers stay
 * thin. Every PDF is read from its file and new streams are buffered in temporary files, never
 * held whole in the heap: heap use does not depend on the size of the file, only on the number of
 * pages (PDFBox keeps a few kilobytes of object structure per page), which
 * {@link org.interlend.copying.scan.ScanRules#maxPages()} caps. All three steps run with
 * {@code -Xmx64m}; see {@code docs/benchmarks.md}.
 */
package org.interlend.copying.scan;
