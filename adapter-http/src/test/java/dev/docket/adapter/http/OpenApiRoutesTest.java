package dev.docket.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.router.ParsedEndpoint;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The published description and the server cannot drift apart: same routes, both ways. */
class OpenApiRoutesTest {
  static final Set<String> METHODS =
      Set.of("get", "post", "put", "delete", "patch", "head", "options");
  static ApiServer server;

  @BeforeAll
  static void start() {
    server = ApiServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyRegisteredRouteIsDocumentedAndEveryDocumentedRouteExists() {
    assertThat(documented()).isEqualTo(registered());
  }

  @Test
  void everyOperationHasAnIdAndResponsesAndAuthIsDeclared() {
    JsonNode doc = server.anonymous().get("/openapi.json").json();
    assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asText())
        .isEqualTo("bearer");
    Set<String> ids = new TreeSet<>();
    forEachOperation(
        doc,
        (key, op) -> {
          assertThat(op.get("responses").size()).as(key).isPositive();
          assertThat(ids.add(op.get("operationId").asText())).as("unique id for " + key).isTrue();
          if (key.contains(" /v1/")) {
            assertThat(op.has("security")).as(key + " uses the global bearer auth").isFalse();
            assertThat(op.at("/responses/401").isMissingNode())
                .as(key + " documents 401")
                .isFalse();
          }
        });
  }

  @Test
  void everySchemaReferenceResolves() {
    JsonNode doc = server.anonymous().get("/openapi.json").json();
    Set<String> refs = new TreeSet<>();
    collectRefs(doc, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
  }

  static Set<String> registered() {
    Set<String> out = new TreeSet<>();
    for (ParsedEndpoint p : server.app.unsafe.internalRouter.allHttpHandlers()) {
      if (p.endpoint.method.isHttpMethod()) {
        out.add(p.endpoint.method.name().toUpperCase(Locale.ROOT) + " " + p.endpoint.path);
      }
    }
    return out;
  }

  static Set<String> documented() {
    Set<String> out = new TreeSet<>();
    forEachOperation(server.anonymous().get("/openapi.json").json(), (key, op) -> out.add(key));
    return out;
  }

  interface OperationVisitor {
    void visit(String methodAndPath, JsonNode operation);
  }

  static void forEachOperation(JsonNode doc, OperationVisitor v) {
    for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (METHODS.contains(op.getKey())) {
          v.visit(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
        }
      }
    }
  }

  static void collectRefs(JsonNode node, Set<String> refs) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                if (e.getKey().equals("$ref")) {
                  refs.add(e.getValue().asText());
                } else {
                  collectRefs(e.getValue(), refs);
                }
              });
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(n, refs));
    }
  }
}
