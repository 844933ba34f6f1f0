package dev.docket.adapter.http;

import dev.docket.domain.Artifact;
import java.time.Instant;
import java.util.List;

/** An artifact's metadata on the wire. */
record ArtifactView(String name, String contentType, long size, String sha256, Instant createdAt) {
  static ArtifactView of(Artifact a) {
    return new ArtifactView(a.name(), a.contentType(), a.size(), a.sha256(), a.createdAt());
  }

  static List<ArtifactView> all(List<Artifact> list) {
    return list.stream().map(ArtifactView::of).toList();
  }
}
