package dev.docket.adapter.http;

import java.util.List;

/** {@code {"artifacts": [...]}}. */
record ArtifactList(List<ArtifactView> artifacts) {}
