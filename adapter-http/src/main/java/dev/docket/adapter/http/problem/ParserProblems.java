package dev.docket.adapter.http.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docket.adapter.http.edge.EdgeHeaders;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors as problem+json: those its parser raises before any route is found (illegal
 * characters, a URI or headers too large, a bad chunk) and any it raises outside Javalin. The
 * detail is a fixed text per status: the parser's message may quote request bytes, and a request
 * may carry a key.
 */
public final class ParserProblems extends ErrorHandler {
  private final ObjectMapper json;

  public ParserProblems(ObjectMapper json) {
    this.json = json;
  }

  /** Every method gets a body: Jetty's default writes none for DELETE, PUT or unknown methods. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(
      Request request, Response response, int code, String message, Throwable cause, Callback cb) {
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, ProblemMapper.CONTENT_TYPE);
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    EdgeHeaders.apply(headers);
    response.write(true, ByteBuffer.wrap(body(code)), cb);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, ProblemMapper.CONTENT_TYPE);
    EdgeHeaders.apply(fields);
    return ByteBuffer.wrap(body(status));
  }

  private byte[] body(int status) {
    try {
      return json.writeValueAsBytes(problem(status));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  static Problem problem(int status) {
    return switch (status) {
      case 400 -> Problem.of(ProblemType.BAD_REQUEST, "the request could not be parsed as HTTP");
      case 413 -> Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "the request body is too large");
      case 414 -> Problem.of(ProblemType.URI_TOO_LONG, "the request URI is too long");
      case 431 ->
          Problem.of(ProblemType.HEADERS_TOO_LARGE, "the request header fields are too large");
      case 404 -> Problem.of(ProblemType.NOT_FOUND, "no such resource");
      default -> {
        int s = status < 400 || status > 599 ? 500 : status;
        String title = HttpStatus.getMessage(s);
        yield new Problem(ProblemType.HTTP.uri(), title, s, title, null, null);
      }
    };
  }
}
