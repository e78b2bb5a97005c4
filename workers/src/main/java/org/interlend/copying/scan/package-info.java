/**
 * Checks and prepares supplied scans for document delivery (issues 5 and 11).
 *
 * <ul>
 *   <li>{@link org.interlend.copying.scan.ScanValidator} decides whether an upload is a usable PDF
 *       and, if not, gives the scanning staff a reason they can act on. It is as lenient as common
 *       viewers, and finds what the copy would refuse before any copy is written.
 *   <li>{@link org.interlend.copying.scan.ImagesToPdf} turns page images into one PDF.
 *   <li>{@link org.interlend.copying.scan.Watermarker} writes the copy delivered to the patron
 *       anew: a cover page with the copyright notice, then every page of the scan with only what it
 *       shows, isolated, and the mark drawn after it in the same content stream; nothing active or
 *       hidden (scripts, actions, attachments, forms, rich media, private data, metadata).
 * </ul>
 *
 * <p>Plain Java on PDFBox 3 (for parsing) and tika-core, with no Spring or engine types, so the job
 * workers stay thin. PDFBox reads the upload from its file through a small buffer; the copy is
 * written by our own writer, with image data moved from file to file by the kernel and new streams
 * written straight to the output: heap use does not depend on the size of the images, only on the
 * number of objects (PDFBox keeps a few kilobytes of object structure per page), which {@link
 * org.interlend.copying.scan.ScanRules#maxPages()} caps. All three steps run with {@code -Xmx64m};
 * see {@code docs/benchmarks.md}.
 */
package org.interlend.copying.scan;
