package dev.docket.client.model;

import java.util.List;

/** Events read from a job's log, and the {@code seq} the next read starts at. */
public record EventPage(List<Event> events, long nextFrom) {
  public EventPage {
    events = List.copyOf(events);
  }
}
