package dev.docket.adapter.http.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code {"entries": [...], "next_cursor": ...}}; the cursor is absent on the last page. */
record AuditList(
    List<AuditEntryView> entries, @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {}
