package org.interlend.workflows.diagrams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * README shows each process as docs/diagrams/&lt;process&gt;.svg, drawn by bpmn-js from the model
 * (workflows/tooling/render-diagrams.mjs). Each picture names the SHA-256 of the model it was drawn
 * from; a model changed without its picture drawn again fails here, with the command that redraws
 * them all.
 */
class DiagramPicturesTest {

  static final Path PICTURES = Path.of("../docs/diagrams");
  static final Pattern HASH = Pattern.compile("from ([\\w.-]+)\\.bpmn sha256:([0-9a-f]{64})");

  static java.util.stream.Stream<Path> models() throws IOException {
    return DiagramLayoutTest.models();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void thePictureWasDrawnFromTheModelAsItIs(Path model)
      throws IOException, NoSuchAlgorithmException {
    String name = model.getFileName().toString().replaceFirst("\\.bpmn$", "");
    Path picture = PICTURES.resolve(name + ".svg");
    String redraw = "; draw the pictures again: ./interlend diagrams";
    assertThat(picture).as("docs/diagrams/" + name + ".svg" + redraw).exists();
    Matcher m = HASH.matcher(Files.readString(picture));
    assertThat(m.find())
        .as("docs/diagrams/" + name + ".svg names the model it was drawn from" + redraw)
        .isTrue();
    assertThat(m.group(1))
        .as("the model docs/diagrams/" + name + ".svg was drawn from")
        .isEqualTo(name);
    String text = Files.readString(model, StandardCharsets.UTF_8).replace("\r\n", "\n");
    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    assertThat(m.group(2))
        .as(
            model.getFileName()
                + " changed since docs/diagrams/"
                + name
                + ".svg was drawn"
                + redraw)
        .isEqualTo(hash);
  }
}
