/**
 * What the server answers: jobs, events, artifacts, users, keys, statistics, audit entries and
 * pages of them, as immutable records. The requests (jobs to submit, claims, events to append,
 * queries) sit beside the sub-APIs in {@code dev.docket.client}.
 */
package dev.docket.client.model;
