package dev.docket.ports.usecase;

import dev.docket.domain.Job;
import dev.docket.domain.JobStatus;
import dev.docket.domain.Role;
import dev.docket.ports.ForbiddenException;
import dev.docket.ports.NotFoundException;

/** The contract's authorization rules, in one place. Roles are checked before ownership. */
final class Access {
  private Access() {}

  static void requireRole(Actor actor, Role role) {
    if (!actor.has(role)) {
      throw new ForbiddenException("requires the " + role.wire() + " role");
    }
  }

  static void requireAdmin(Actor actor) {
    if (!actor.isAdmin()) {
      throw new ForbiddenException("requires the admin role");
    }
  }

  /** Owner, admin, or the user whose worker holds the job's lease; others see a 404. */
  static Job readable(Actor actor, Job job) {
    boolean holder = job.status() == JobStatus.RUNNING && actor.is(job.leasedBy());
    if (actor.isAdmin() || actor.is(job.ownerId()) || holder) {
      return job;
    }
    throw new NotFoundException("job", job.id());
  }

  /** Owner or admin (cancel, retry, delete); others see a 404. */
  static Job manageable(Actor actor, Job job) {
    if (actor.isAdmin() || actor.is(job.ownerId())) {
      return job;
    }
    throw new NotFoundException("job", job.id());
  }
}
