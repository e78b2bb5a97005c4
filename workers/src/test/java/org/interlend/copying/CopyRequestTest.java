package org.interlend.copying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CopyRequestTest {

  static CopyRequest chapter(Integer from, Integer to, Integer total) {
    return new CopyRequest(
        CopyKind.CHAPTER,
        " Long Book ",
        "978-0-00-638830-2",
        null,
        "3",
        null,
        null,
        null,
        from,
        to,
        total);
  }

  @Test
  void aChapterIsNormalised() {
    CopyRequest c = chapter(41, 50, 300).normalised();
    assertThat(c.title()).isEqualTo("Long Book");
    assertThat(c.isbn()).isEqualTo("9780006388302");
    assertThat(c.pages()).isEqualTo(10);
    assertThat(c.displayTitle()).isEqualTo("Chapter 3 of Long Book (pp. 41-50)");
    assertThat(c.variables()).containsEntry("expectedPages", 10).containsEntry("kind", "CHAPTER");
  }

  @Test
  void aChapterNeedsItsRangeAndTheLengthOfTheBook() {
    assertThatThrownBy(() -> chapter(null, 50, 300).normalised())
        .hasMessageContaining("pageStart and pageEnd");
    assertThatThrownBy(() -> chapter(50, 41, 300).normalised()).hasMessageContaining("not valid");
    assertThatThrownBy(() -> chapter(41, 50, null).normalised()).hasMessageContaining("totalPages");
    assertThatThrownBy(() -> chapter(41, 350, 300).normalised()).hasMessageContaining("300 pages");
  }

  @Test
  void anArticleNeedsItsTitleAndIssue() {
    CopyRequest a =
        new CopyRequest(
                CopyKind.ARTICLE,
                "J. HK Stud.",
                null,
                "1234-567x",
                null,
                "Ports",
                "12",
                "3",
                1,
                12,
                null)
            .normalised();
    assertThat(a.issn()).isEqualTo("1234567X");
    assertThat(a.displayTitle()).isEqualTo("Ports (J. HK Stud. vol. 12 no. 3, pp. 1-12)");
    assertThatThrownBy(
            () ->
                new CopyRequest(CopyKind.ARTICLE, "J", null, null, null, null, "1", "2", 1, 2, null)
                    .normalised())
        .hasMessageContaining("articleTitle is required");
    assertThatThrownBy(
            () ->
                new CopyRequest(
                        CopyKind.ARTICLE, "J", null, null, null, "A", null, null, 1, 2, null)
                    .normalised())
        .hasMessageContaining("volume or issue");
    assertThatThrownBy(
            () ->
                new CopyRequest(CopyKind.ARTICLE, "J", null, "12", null, "A", "1", null, 1, 2, null)
                    .normalised())
        .hasMessageContaining("not a valid ISSN");
  }

  @Test
  void theDeclarationNamesWhatWasNotAffirmed() {
    assertThat(new Declaration(true, true, true, true).missing()).isEmpty();
    assertThat(new Declaration(true, false, true, false).missing())
        .containsExactly("notSuppliedBefore", "noRedistribution");
  }

  @Test
  void limitsAreChecked() {
    assertThat(CopyingProperties.defaults().downloadWindow().toDays()).isEqualTo(14);
    assertThatThrownBy(
            () ->
                new CopyingProperties(
                    14,
                    5,
                    120,
                    1,
                    1,
                    10,
                    null,
                    org.springframework.util.unit.DataSize.ofMegabytes(1),
                    2))
        .hasMessageContaining("link-seconds");
  }
}
