/**
 * A typed Java client for the Docket HTTP API v1. Start with {@link
 * dev.docket.client.DocketClient}: its sub-APIs ({@code jobs()}, {@code worker()}, {@code
 * events()}, {@code artifacts()}, {@code users()}, {@code ops()}) mirror the sections of the API
 * reference, so the flow-control, schedule and session routes of 0.2 become new sub-APIs beside
 * them. The module depends on {@code java.net.http} and Jackson only.
 */
package dev.docket.client;
