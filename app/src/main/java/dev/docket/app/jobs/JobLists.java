package dev.docket.app.jobs;

import dev.docket.app.CliSession;
import dev.docket.domain.Ids;
import dev.docket.domain.Job;
import dev.docket.domain.JobStatus;
import dev.docket.domain.ValidationException;
import dev.docket.ports.JobQuery;
import dev.docket.ports.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reading up to {@code limit} jobs newest first, page by page, through the job use cases. */
public final class JobLists {
  static final int MAX_LIMIT = 100_000;
  private static final int PAGE = 500;

  private JobLists() {}

  static List<Job> fetch(
      CliSession session,
      UUID owner,
      Set<JobStatus> statuses,
      String queue,
      Instant since,
      int limit) {
    List<Job> out = new ArrayList<>();
    UUID after = null;
    while (out.size() < limit) {
      int size = Math.min(PAGE, limit - out.size());
      JobQuery q = new JobQuery(owner, statuses, queue, null, since, null, after, size);
      Page<Job> page = session.docket().jobs().list(session.actor(), q);
      out.addAll(page.items());
      if (page.nextCursor() == null || page.items().isEmpty()) {
        break;
      }
      after = page.items().get(page.items().size() - 1).id();
    }
    return out;
  }

  static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ValidationException.of("--limit", "must be between 1 and " + MAX_LIMIT);
    }
  }

  public static UUID id(String option, String text) {
    return text == null ? null : Ids.parse(option, text.strip());
  }
}
