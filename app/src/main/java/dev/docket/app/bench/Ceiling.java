package dev.docket.app.bench;

/**
 * What a scenario is compared with: the raw database ({@code insert} one row per commit, or the
 * claim-and-complete {@code cycle}, by as many threads) or, for an authenticated read, the
 * unauthenticated {@code GET /healthz} through the same HTTP stack.
 */
record Ceiling(Kind kind, int threads) {
  enum Kind {
    INSERT("raw insert"),
    CYCLE("raw claim+complete"),
    HEALTHZ("GET /healthz");

    private final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  static Ceiling insert(int threads) {
    return new Ceiling(Kind.INSERT, threads);
  }

  static Ceiling cycle(int threads) {
    return new Ceiling(Kind.CYCLE, threads);
  }

  static Ceiling healthz(int clients) {
    return new Ceiling(Kind.HEALTHZ, clients);
  }

  /** Whether it needs the database itself rather than the server. */
  boolean raw() {
    return kind != Kind.HEALTHZ;
  }

  String name() {
    return kind.label + " x" + threads;
  }
}
