package org.interlend.copying.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.mime.MediaType;

import org.interlend.copying.scan.ScanCheck.Accepted;
import org.interlend.copying.scan.ScanCheck.Reason;
import org.interlend.copying.scan.ScanCheck.Rejected;

/**
 * Decides whether an uploaded scan can be delivered.
 *
 * <p>Checks run cheapest first: size, content type (magic bytes, not the file name), the
 * end-of-file marker, then a PDFBox parse that reads the cross-reference table and the page tree
 * but no page content. Bad input is always reported as a {@link Rejected} outcome, never thrown.
 */
public final class ScanValidator {

    /** Pass as {@code expectedPages} when the request gives no page range. */
    public static final int ANY_PAGE_COUNT = 0;

    /** Readers accept {@code %%EOF} anywhere in the last 1024 bytes (PDF 32000-1, annex H). */
    private static final int EOF_WINDOW = 1024;
    private static final byte[] EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);

    private ScanValidator() {
    }

    /**
     * @param file          the upload
     * @param expectedPages number of pages in the requested range, or {@link #ANY_PAGE_COUNT}
     * @param rules         size and page limits
     * @return {@link Accepted} with the page count, or {@link Rejected} with the reason
     * @throws IOException only when the file itself cannot be read (missing, no permission)
     */
    public static ScanCheck validate(Path file, int expectedPages, ScanRules rules) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(rules, "rules");
        if (expectedPages < 0) {
            throw new IllegalArgumentException("expectedPages must not be negative, was " + expectedPages);
        }

        long size = Files.size(file);
        if (size == 0) {
            return new Rejected(Reason.EMPTY, "The uploaded file is empty (0 bytes). Please upload the scan again.");
        }
        if (size > rules.maxBytes()) {
            return new Rejected(Reason.TOO_LARGE, "The file is " + megabytes(size) + " and the limit is "
                    + megabytes(rules.maxBytes()) + ". Please scan in greyscale or at a lower resolution.");
        }

        MediaType type = ContentTypes.detect(file);
        if (!ContentTypes.isA(type, ContentTypes.PDF)) {
            return new Rejected(Reason.NOT_PDF, "The file is not a PDF: its content is " + type.getBaseType()
                    + ". Please upload a PDF, or upload page images to be combined into one.");
        }

        if (!hasEofMarker(file, size)) {
            return new Rejected(Reason.UNREADABLE, "The PDF is incomplete (it has no end-of-file marker), "
                    + "probably cut off during upload or saving. Please upload it again.");
        }
        return inspect(file, size, expectedPages, rules);
    }

    private static ScanCheck inspect(Path file, long size, int expectedPages, ScanRules rules) {
        PDDocument document;
        try {
            document = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            return encrypted("needs a password to open");
        } catch (IOException | RuntimeException e) {
            // The file was readable a moment ago, so this is the parser giving up on its content.
            return unreadable(e);
        }
        try (document) {
            if (document.isEncrypted()) {
                return encrypted("is encrypted with security restrictions");
            }
            int pages = countPages(document);
            if (pages == 0) {
                return new Rejected(Reason.NO_PAGES, "The PDF has no pages. Please check the scan and upload it again.");
            }
            if (pages > rules.maxPages()) {
                return new Rejected(Reason.TOO_LARGE, "The PDF has " + pages + " pages and the limit is "
                        + rules.maxPages() + ". Please check the scan, or split the request.");
            }
            if (expectedPages != ANY_PAGE_COUNT && Math.abs(pages - expectedPages) > rules.pageTolerance()) {
                return new Rejected(Reason.PAGE_COUNT, "The request is for " + expectedPages + " pages ("
                        + Math.max(1, expectedPages - rules.pageTolerance()) + " to "
                        + (expectedPages + rules.pageTolerance()) + " accepted) but the PDF has " + pages
                        + (pages == 1 ? " page" : " pages") + ". Please check that the requested pages were scanned.");
            }
            return new Accepted(pages, size);
        } catch (DamagedPageTreeException e) {
            return new Rejected(Reason.UNREADABLE, "The PDF is damaged: " + e.getMessage()
                    + ". Please save or scan it again and upload the new file.");
        } catch (IOException | RuntimeException e) {
            return unreadable(e);
        }
    }

    /**
     * Walks the page tree so that every page dictionary is resolved; the declared {@code /Count}
     * alone would accept a tree whose pages were lost to truncation or corruption.
     */
    private static int countPages(PDDocument document) throws DamagedPageTreeException {
        if (!(document.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.PAGES) instanceof COSDictionary)) {
            throw new DamagedPageTreeException("it has no page tree");
        }
        int declared = document.getNumberOfPages();
        int found = 0;
        for (PDPage page : document.getPages()) {
            if (page.getCOSObject() == null) {
                throw new DamagedPageTreeException("page " + (found + 1) + " is missing");
            }
            found++;
        }
        if (found != declared) {
            throw new DamagedPageTreeException("it declares " + declared + " pages but " + found + " can be found");
        }
        return found;
    }

    private static boolean hasEofMarker(Path file, long size) throws IOException {
        int length = (int) Math.min(size, EOF_WINDOW);
        ByteBuffer tail = ByteBuffer.allocate(length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = size - length;
            while (tail.hasRemaining()) {
                int read = channel.read(tail, position + tail.position());
                if (read < 0) {
                    return false; // shrank while we looked: treat as incomplete
                }
            }
        }
        byte[] bytes = tail.array();
        outer:
        for (int i = bytes.length - EOF_MARKER.length; i >= 0; i--) {
            for (int j = 0; j < EOF_MARKER.length; j++) {
                if (bytes[i + j] != EOF_MARKER[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static Rejected encrypted(String how) {
        return new Rejected(Reason.ENCRYPTED, "The PDF " + how + ". Please save it without a password or "
                + "security settings (for example \"Print to PDF\") and upload it again.");
    }

    private static Rejected unreadable(Exception e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new Rejected(Reason.UNREADABLE, "The PDF could not be read (" + detail
                + "). It may be damaged; please save or scan it again and upload the new file.");
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static final class DamagedPageTreeException extends Exception {
        DamagedPageTreeException(String message) {
            super(message, null, false, false);
        }
    }
}
