package dev.docket.app.transfer;

import dev.docket.ports.Store;

/** Opens stores by their {@code --db} form, the way every command of the app does. */
public interface StoreOpener {
  /**
   * Guards, opens and migrates the store {@code url} names (created when missing).
   *
   * @throws RuntimeException a usage error for a URL of no accepted form, a one-line failure for a
   *     database that cannot be opened; the app's error reporter knows both
   */
  Store open(String url);

  /** How messages name the store: the path as given, or the URL without its password. */
  String location(String url);
}
