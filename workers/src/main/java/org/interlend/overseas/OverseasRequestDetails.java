package org.interlend.overseas;

/** What a patron asks an overseas partner for: a book, or a copy of a chapter or article. */
public record OverseasRequestDetails(
    String itemType,
    String purpose,
    String author,
    String isbn,
    String issn,
    String publisher,
    Integer year,
    String edition,
    String articleTitle,
    String volume,
    String pages,
    String patronNote) {}
