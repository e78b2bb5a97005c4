package org.interlend.catalogue;

/** A bibliographic record of the union catalogue. */
public record Bib(
    long id,
    String title,
    String author,
    String isbn,
    String issn,
    String publisher,
    Integer year) {}
