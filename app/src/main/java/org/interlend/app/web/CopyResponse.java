package org.interlend.app.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.interlend.copying.CopyDownloads;

/**
 * Streams a delivered copy to the browser through the app (the download is counted; the object
 * store is never exposed): 64 KB at a time, so heap use does not depend on the copy's size.
 */
public final class CopyResponse {

  private static final int BUFFER = 64 * 1024;

  private CopyResponse() {}

  public static void send(
      CopyDownloads.Download.Served copy, String fileName, HttpServletResponse response)
      throws IOException {
    try (InputStream in = copy.content()) {
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType("application/pdf");
      response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("X-Downloads-Left", String.valueOf(copy.maxDownloads() - copy.number()));
      if (copy.bytes() > 0) {
        response.setContentLengthLong(copy.bytes());
      }
      response.setBufferSize(BUFFER);
      var out = response.getOutputStream();
      byte[] buffer = new byte[BUFFER];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
      }
      out.flush();
    }
  }
}
