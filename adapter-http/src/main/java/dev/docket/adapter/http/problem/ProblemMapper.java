package dev.docket.adapter.http.problem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.docket.domain.FieldError;
import dev.docket.domain.IllegalTransitionException;
import dev.docket.domain.JobCancelledException;
import dev.docket.domain.LeaseLostException;
import dev.docket.domain.ValidationException;
import dev.docket.ports.ConflictException;
import dev.docket.ports.ForbiddenException;
import dev.docket.ports.NotFoundException;
import dev.docket.ports.StoreUnavailableException;
import dev.docket.ports.UnauthorizedException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP: every typed exception of the core, Jackson's parse
 * errors and Javalin's own (unknown route, wrong method, body too large) turn into RFC 9457 {@code
 * application/problem+json}. Anything else is a 500 whose body carries a correlation id; the stack
 * trace goes to the log only.
 */
public final class ProblemMapper {
  static final String CONTENT_TYPE = "application/problem+json";
  private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

  private final ObjectMapper json;

  public ProblemMapper(ObjectMapper json) {
    this.json = json;
  }

  public void register(RoutesConfig routes) {
    routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, javalin(e, ctx)));
    routes.exception(Exception.class, (e, ctx) -> write(ctx, toProblem(e, ctx)));
  }

  Problem toProblem(Exception e, Context ctx) {
    return switch (e) {
      case ValidationException v -> Problem.invalid(v.getMessage(), v.errors());
      case ApiException a -> Problem.of(a.type(), a.getMessage());
      case NotFoundException n -> Problem.of(ProblemType.NOT_FOUND, n.getMessage());
      case LeaseLostException l -> Problem.of(ProblemType.LEASE_LOST, l.getMessage());
      case JobCancelledException c -> Problem.of(ProblemType.CANCELLED, c.getMessage());
      case IllegalTransitionException t ->
          Problem.of(ProblemType.ILLEGAL_TRANSITION, t.getMessage());
      case ConflictException c -> Problem.of(ProblemType.CONFLICT, c.getMessage());
      case ForbiddenException f -> Problem.of(ProblemType.FORBIDDEN, f.getMessage());
      case UnauthorizedException u -> unauthorized(ctx, u.getMessage());
      case StoreUnavailableException s -> unavailable(ctx, s);
      case JacksonException j -> jackson(j);
      case IOException io -> io(ctx, io);
      case InterruptedException i -> interrupted(ctx);
      case IllegalArgumentException a when isUrlDecoding(a) ->
          Problem.of(ProblemType.BAD_REQUEST, "the request path is not valid percent-encoding");
      default -> unexpected(e, ctx);
    };
  }

  /** Javalin decodes path parameters while matching, before any handler can catch a bad escape. */
  private static boolean isUrlDecoding(IllegalArgumentException e) {
    return e.getMessage() != null && e.getMessage().startsWith("URLDecoder:");
  }

  Problem unauthorized(Context ctx, String detail) {
    ctx.header("WWW-Authenticate", "Bearer");
    return Problem.of(ProblemType.UNAUTHORIZED, detail);
  }

  private Problem unavailable(Context ctx, StoreUnavailableException e) {
    LOG.warn("store unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
    ctx.header("Retry-After", "1");
    return Problem.of(ProblemType.STORE_UNAVAILABLE, "the store is unavailable; try again shortly");
  }

  private Problem interrupted(Context ctx) {
    Thread.currentThread().interrupt();
    ctx.header("Retry-After", "1");
    return Problem.of(ProblemType.STORE_UNAVAILABLE, "the server is shutting down; try again");
  }

  /** Reading the request failed: the client's body was cut, or passed its limit. */
  private static Problem io(Context ctx, IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BodyTooLargeException big) {
        drainAFew(ctx);
        return Problem.of(ProblemType.PAYLOAD_TOO_LARGE, big.getMessage());
      }
    }
    return Problem.of(ProblemType.BAD_REQUEST, "the request body could not be read");
  }

  /**
   * Reads what is left of a body that passed its limit, up to {@link #DRAIN_BYTES}: a connection
   * closed with unread bytes is reset, and the reset can destroy the 413 before the client reads
   * it. A body much larger than the limit is not read to its end; its sender may see a reset.
   */
  private static void drainAFew(Context ctx) {
    try {
      byte[] buf = new byte[8192];
      var in = ctx.req().getInputStream();
      long left = DRAIN_BYTES;
      for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; ) {
        left -= n;
      }
    } catch (IOException | RuntimeException ignored) {
      // nothing more to read, or the client has gone: the answer is the same
    }
  }

  private static final long DRAIN_BYTES = 1024 * 1024;

  private static Problem jackson(JacksonException e) {
    if (causedBy(e, StreamConstraintsException.class)) {
      return Problem.of(
          ProblemType.MALFORMED_JSON, "the body exceeds a JSON limit: " + e.getOriginalMessage());
    }
    if (e instanceof UnrecognizedPropertyException u) {
      String field = JsonPath.of(u.getPath());
      return Problem.invalid(
          "unknown field '" + field + "'", List.of(new FieldError(field, "is not a known field")));
    }
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      String field = JsonPath.of(m.getPath());
      String message = wrongValue(m);
      return Problem.invalid(field + ": " + message, List.of(new FieldError(field, message)));
    }
    if (e instanceof MismatchedInputException) {
      return Problem.of(ProblemType.MALFORMED_JSON, "the body must be a JSON object");
    }
    if (e instanceof JsonMappingException) {
      return Problem.of(ProblemType.BAD_REQUEST, "the body does not fit this route");
    }
    String where =
        e instanceof JsonProcessingException p && p.getLocation() != null
            ? " at line "
                + p.getLocation().getLineNr()
                + ", column "
                + p.getLocation().getColumnNr()
            : "";
    return Problem.of(ProblemType.MALFORMED_JSON, "the body is not valid JSON" + where);
  }

  private static String wrongValue(JsonMappingException m) {
    if (causedBy(m, InputCoercionException.class)) {
      return "is out of range";
    }
    Class<?> target = m instanceof MismatchedInputException mi ? mi.getTargetType() : null;
    if (target == Instant.class) {
      return "must be an RFC 3339 time such as 2026-11-23T09:15:02.123Z";
    }
    return "has the wrong type (expected " + expected(target) + ")";
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return "a number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (List.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  private Problem javalin(HttpResponseException e, Context ctx) {
    return switch (e.getStatus()) {
      case 404 -> Problem.of(ProblemType.NOT_FOUND, "no route " + ctx.method() + " " + ctx.path());
      case 405 -> {
        String allowed = e.getDetails().get("availableMethods");
        if (allowed != null) {
          ctx.header("Allow", allowed);
        }
        yield Problem.of(
            ProblemType.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path());
      }
      case 413 -> Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "the request body is too large");
      case 400 -> Problem.of(ProblemType.BAD_REQUEST, e.getMessage());
      default -> {
        HttpStatus s = HttpStatus.forStatus(e.getStatus());
        yield new Problem(
            ProblemType.HTTP.uri(), s.getMessage(), e.getStatus(), e.getMessage(), null, null);
      }
    };
  }

  private static Problem unexpected(Exception e, Context ctx) {
    String id = UUID.randomUUID().toString();
    LOG.error("unexpected failure {} on {} {}", id, ctx.method(), ctx.path(), e);
    ProblemType t = ProblemType.INTERNAL;
    return new Problem(
        t.uri(), t.title(), t.status(), "unexpected error; reference " + id, null, id);
  }

  /** Writes {@code p} unless the response is already on its way (a stream failed midway). */
  public void write(Context ctx, Problem p) {
    if (ctx.res().isCommitted()) {
      LOG.debug(
          "{} {} failed after the response started: {}", ctx.method(), ctx.path(), p.detail());
      return;
    }
    try {
      ctx.status(p.status()).contentType(CONTENT_TYPE).result(json.writeValueAsBytes(p));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
