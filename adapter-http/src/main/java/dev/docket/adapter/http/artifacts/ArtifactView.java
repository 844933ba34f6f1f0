package dev.docket.adapter.http.artifacts;

import dev.docket.domain.Artifact;
import java.time.Instant;
import java.util.List;

/** An artifact's metadata on the wire. */
public record ArtifactView(
    String name, String contentType, long size, String sha256, Instant createdAt) {
  public static ArtifactView of(Artifact a) {
    return new ArtifactView(a.name(), a.contentType(), a.size(), a.sha256(), a.createdAt());
  }

  public static List<ArtifactView> all(List<Artifact> list) {
    return list.stream().map(ArtifactView::of).toList();
  }
}
