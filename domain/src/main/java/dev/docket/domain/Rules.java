package dev.docket.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The limits the contract puts on client input; each check adds to a list of field errors. */
public final class Rules {
  public static final Pattern QUEUE = Pattern.compile("[a-z0-9._-]{1,64}");
  public static final Pattern ARTIFACT_NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");
  public static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9_.-]{0,99}");
  public static final int KIND_MAX = 200;
  public static final int MAX_ATTEMPTS_MIN = 1;
  public static final int MAX_ATTEMPTS_MAX = 100;
  public static final int IDEMPOTENCY_KEY_MAX = 255;
  public static final int WORKER_ID_MAX = 200;
  public static final int BATCH_MAX = 1000;
  public static final int EVENTS_PER_APPEND_MAX = 1000;
  public static final int CLAIM_LIMIT_MAX = 100;
  public static final int NAME_MAX = 200;

  private Rules() {}

  public static void queue(String field, String queue, List<FieldError> errors) {
    if (queue == null || !QUEUE.matcher(queue).matches()) {
      errors.add(new FieldError(field, "must match [a-z0-9._-]{1,64}"));
    }
  }

  public static void kind(String field, String kind, List<FieldError> errors) {
    if (kind == null || kind.isBlank()) {
      errors.add(new FieldError(field, "is required"));
    } else if (kind.length() > KIND_MAX) {
      errors.add(new FieldError(field, "must be at most " + KIND_MAX + " characters"));
    }
  }

  public static void maxAttempts(String field, int value, List<FieldError> errors) {
    range(field, value, MAX_ATTEMPTS_MIN, MAX_ATTEMPTS_MAX, errors);
  }

  public static void range(String field, long value, long min, long max, List<FieldError> errors) {
    if (value < min || value > max) {
      errors.add(new FieldError(field, "must be between " + min + " and " + max));
    }
  }

  public static void progress(String field, double value, List<FieldError> errors) {
    if (Double.isNaN(value) || value < 0 || value > 100) {
      errors.add(new FieldError(field, "must be between 0 and 100"));
    }
  }

  public static void artifactName(String field, String name, List<FieldError> errors) {
    if (name == null || !ARTIFACT_NAME.matcher(name).matches()) {
      errors.add(new FieldError(field, "must match [A-Za-z0-9._-]{1,200}"));
    } else if (name.equals(".") || name.equals("..")) {
      errors.add(new FieldError(field, "must not be . or .."));
    }
  }

  /** Client-written event types: {@code status} is reserved for the server. */
  public static void eventType(String field, String type, List<FieldError> errors) {
    if (type == null || !EVENT_TYPE.matcher(type).matches()) {
      errors.add(new FieldError(field, "must match [a-z][a-z0-9_.-]* (at most 100 characters)"));
    } else if (type.equals(JobEvent.STATUS)) {
      errors.add(new FieldError(field, "status events are written by the server"));
    }
  }

  public static void idempotencyKey(String field, String key, List<FieldError> errors) {
    if (key != null && (key.isEmpty() || key.length() > IDEMPOTENCY_KEY_MAX)) {
      errors.add(new FieldError(field, "must be 1 to " + IDEMPOTENCY_KEY_MAX + " characters"));
    }
  }

  public static void name(String field, String name, List<FieldError> errors) {
    if (name == null || name.isBlank()) {
      errors.add(new FieldError(field, "is required"));
    } else if (name.length() > NAME_MAX) {
      errors.add(new FieldError(field, "must be at most " + NAME_MAX + " characters"));
    }
  }

  public static void email(String field, String email, List<FieldError> errors) {
    if (email == null || email.length() > 320 || !email.matches("[^@\\s]+@[^@\\s]+")) {
      errors.add(new FieldError(field, "must be an email address"));
    }
  }

  /** Only absolute http and https URLs with a host; where they may point is checked elsewhere. */
  public static void webhookUrl(String field, String url, List<FieldError> errors) {
    if (url == null) {
      return;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        errors.add(new FieldError(field, "must be an http or https URL"));
      }
    } catch (URISyntaxException e) {
      errors.add(new FieldError(field, "must be an http or https URL"));
    }
  }

  public static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }
}
