package dev.docket.adapter.http.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code {"jobs": [...], "next_cursor": ...}}; the cursor is absent on the last page. */
public record JobList(
    List<JobView> jobs, @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {}
