package dev.docket.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code {"jobs": [...], "next_cursor": ...}}; the cursor is absent on the last page. */
record JobList(List<JobView> jobs, @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {}
