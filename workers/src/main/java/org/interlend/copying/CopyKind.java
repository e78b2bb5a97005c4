package org.interlend.copying;

/** What a digital copy request asks for. */
public enum CopyKind {
  /** A chapter or extract of a book (s.48: a reasonable proportion). */
  CHAPTER,
  /** An article in a journal issue (s.47: one per issue). */
  ARTICLE
}
