package dev.docket.adapter.http.events;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.docket.domain.JobEvent;
import java.time.Instant;

/** One entry of a job's log on the wire; {@code data} is the stored JSON as is. */
record EventView(long seq, String type, @JsonRawValue String data, Instant at) {
  static EventView of(JobEvent e) {
    return new EventView(e.seq(), e.type(), e.data(), e.at());
  }
}
