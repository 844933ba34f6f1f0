package dev.docket.adapter.http;

import java.util.List;

/** {@code {"jobs": [ job bodies ]}}. */
record BatchRequest(List<JobRequest> jobs) {}
