/**
 * The worker runtime and its handler API, JDK only.
 *
 * <p>An application writes a {@link dev.docket.worker.JobHandler}; a {@link
 * dev.docket.worker.WorkerRuntime} claims jobs, runs the handler on a virtual thread per job with a
 * {@link dev.docket.worker.JobContext}, heartbeats, and reports the outcome. The runtime speaks to
 * Docket through a {@link dev.docket.worker.WorkerTransport}: in-process over the use cases ({@code
 * dev.docket.ports.usecase.InProcessWorkers}) or remotely over HTTP ({@code
 * dev.docket.client.HttpWorkerTransport}), with the same handler code.
 */
package dev.docket.worker;
