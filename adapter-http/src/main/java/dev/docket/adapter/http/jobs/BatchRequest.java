package dev.docket.adapter.http.jobs;

import java.util.List;

/** {@code {"jobs": [ job bodies ]}}. */
record BatchRequest(List<JobRequest> jobs) {}
