package dev.docket.adapter.http.events;

import java.util.List;

/** Events to append, with the lease token (an admin may leave it out). */
record AppendBody(String leaseToken, List<EventBody> events) {}
