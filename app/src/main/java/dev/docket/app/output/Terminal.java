package dev.docket.app.output;

import java.io.Console;

/**
 * Whether a person is at the keyboard. {@code System.console()} alone is not enough on JDK 22 and
 * later, which hand out a console even when the streams are redirected; {@code isTerminal()} (JDK
 * 22+) settles it and is called reflectively because the build targets Java 21.
 */
public final class Terminal {
  private Terminal() {}

  public static boolean interactive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // before JDK 22 a console exists only on a terminal
    }
  }

  /** Asks on the terminal; true when the person typed exactly {@code answer}. */
  public static boolean confirm(String question, String answer) {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    String typed = console.readLine("%s ", question);
    return typed != null && typed.strip().equals(answer);
  }
}
