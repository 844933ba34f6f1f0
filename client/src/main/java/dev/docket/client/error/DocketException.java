package dev.docket.client.error;

/**
 * The server answered with an error: its problem details are in {@link #problem()}. Subclasses name
 * the cases a caller usually handles; any other status is a plain {@code DocketException}.
 */
public class DocketException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  /** An exception for {@code problem}. */
  public DocketException(Problem problem) {
    super(message(problem));
    this.problem = problem;
  }

  protected DocketException(String message, Throwable cause) {
    super(message, cause);
    this.problem = null;
  }

  /** The problem details; null only for {@link DocketUnreachableException}. */
  public Problem problem() {
    return problem;
  }

  /** The HTTP status, 0 when no answer came. */
  public int status() {
    return problem == null ? 0 : problem.status();
  }

  private static String message(Problem p) {
    String text = p.status() + " " + p.title();
    return p.detail() == null ? text : text + ": " + p.detail();
  }

  /** The exception type for a problem: the one place statuses and types become classes. */
  public static DocketException of(Problem p) {
    return switch (p.status()) {
      case 400 -> new ValidationException(p);
      case 401 -> new UnauthorizedException(p);
      case 403 -> new ForbiddenException(p);
      case 404 -> new NotFoundException(p);
      case 409 ->
          switch (p.slug()) {
            case "lease-lost" -> new LeaseLostException(p);
            case "cancelled" -> new JobCancelledException(p);
            default -> new ConflictException(p);
          };
      case 503 -> new ServiceUnavailableException(p);
      default -> new DocketException(p);
    };
  }
}
