/**
 * The errors of the client: {@link dev.docket.client.error.DocketException} carries the server's
 * RFC 9457 {@link dev.docket.client.error.Problem}, and its subclasses name the cases a caller
 * handles (404, 409 lease lost or cancelled, 400 with the fields, 401, 403, 503); {@link
 * dev.docket.client.error.DocketUnreachableException} means no answer came.
 */
package dev.docket.client.error;
