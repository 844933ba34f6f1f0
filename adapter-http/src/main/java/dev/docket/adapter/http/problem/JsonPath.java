package dev.docket.adapter.http.problem;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.util.List;

/** Names a place in a request body as the contract does: {@code jobs[1].kind}. */
final class JsonPath {
  private JsonPath() {}

  static String of(List<Reference> path) {
    StringBuilder b = new StringBuilder();
    for (Reference r : path) {
      if (r.getFieldName() != null) {
        if (!b.isEmpty()) {
          b.append('.');
        }
        b.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }
}
