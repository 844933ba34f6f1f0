package dev.docket.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.domain.Ids;
import dev.docket.domain.Job;
import dev.docket.domain.JobLease;
import dev.docket.domain.JobOutcome;
import dev.docket.domain.JobSpec;
import dev.docket.domain.JobState;
import dev.docket.domain.JobStatus;
import dev.docket.domain.JobSubmission;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A job with every field set, and its fields found by reflection over the record components of
 * {@link Job} and its parts. Every place that stores or sends a job round-trips {@link #job} and
 * compares {@link #fields}; since {@link #assertEveryFieldSet} fails for a field left null, zero or
 * at the value a new job gets, a field added to a part of {@code Job} fails those tests until the
 * fixture gives it a value and every place carries it.
 */
public final class EveryJobField {
  private static final Instant T = Instant.parse("2031-05-06T07:08:09.123Z");

  private EveryJobField() {}

  /**
   * A job of {@code ownerId}, leased by {@code leasedBy}, with no field at a default. Values of one
   * type all differ, so two swapped columns cannot pass for right.
   */
  public static Job job(UUID ownerId, UUID leasedBy) {
    Job job =
        new Job(
            new JobSubmission(
                Ids.newId(T),
                ownerId,
                "every-field",
                "fields.kind",
                "{ \"to\" : \"ü@example.test\", \"n\": [1, 2.50] }",
                "{\"tag\":\"every field\"}",
                -7,
                9,
                "idem-every-field",
                "https://hooks.example.test/every-field",
                T),
            new JobState(
                JobStatus.RUNNING,
                2,
                T.plusMillis(1001),
                T.plusMillis(2002),
                T.plusMillis(3003),
                42.5,
                5,
                6),
            new JobLease("worker-every-field", leasedBy, "lt_every-field", T.plusMillis(4004)),
            new JobOutcome("{\"ok\": true}", "boom: every field", T.plusMillis(5005)));
    assertEveryFieldSet(job);
    return job;
  }

  /**
   * Every leaf field of {@code job}, named {@code part.field} (e.g. {@code lease.expiresAt}), in
   * declaration order.
   */
  public static Map<String, Object> fields(Job job) {
    Map<String, Object> out = new LinkedHashMap<>();
    collect("", job, out);
    return out;
  }

  /**
   * Fails naming every field of {@code job} that is null, zero, empty, the value a new job gets, or
   * equal to another field of the same type.
   */
  public static void assertEveryFieldSet(Job job) {
    Map<String, Object> defaults = fields(fresh());
    List<String> unset = new ArrayList<>();
    Map<Object, String> seen = new LinkedHashMap<>();
    fields(job)
        .forEach(
            (name, value) -> {
              if (isZero(value) || value.equals(defaults.get(name))) {
                unset.add(name + "=" + value);
              } else if (seen.putIfAbsent(value, name) != null) {
                unset.add(name + " repeats " + seen.get(value));
              }
            });
    assertThat(unset).as("fields of the every-field job left at a default").isEmpty();
  }

  /** A job as submitted with nothing but a kind. */
  private static Job fresh() {
    JobSpec minimal = new JobSpec("k", null, null, null, null, null, null, null, null);
    return Job.create(UUID.randomUUID(), UUID.randomUUID(), minimal, Instant.EPOCH).job();
  }

  private static boolean isZero(Object v) {
    return v == null
        || (v instanceof Number n && n.doubleValue() == 0)
        || (v instanceof CharSequence s && s.isEmpty())
        || Boolean.FALSE.equals(v);
  }

  private static void collect(String prefix, Record record, Map<String, Object> out) {
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      Object value = read(c, record);
      String name = prefix + c.getName();
      if (value instanceof Record part) {
        collect(name + ".", part, out);
      } else {
        out.put(name, value);
      }
    }
  }

  private static Object read(RecordComponent c, Record record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new AssertionError("cannot read " + c, e);
    }
  }
}
