package dev.docket.adapter.http.users;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code {"users": [...], "next_cursor": ...}}; the cursor is absent on the last page. */
record UserList(
    List<UserView> users, @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {}
