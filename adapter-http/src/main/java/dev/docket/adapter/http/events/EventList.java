package dev.docket.adapter.http.events;

import java.util.List;

/** {@code {"events": [...], "next_from": N}}: {@code next_from} is where the next read starts. */
record EventList(List<EventView> events, long nextFrom) {}
