package dev.docket.adapter.http.artifacts;

import java.util.List;

/** {@code {"artifacts": [...]}}. */
record ArtifactList(List<ArtifactView> artifacts) {}
