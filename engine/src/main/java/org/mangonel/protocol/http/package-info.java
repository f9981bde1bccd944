/**
 * HTTP/1.1: the request encoder, the incremental response decoder and the body matchers.
 *
 * <p>Requests are encoded once per URL at setup ({@link org.mangonel.protocol.http.HttpRequestEncoder});
 * per request the load engine only copies the ready bytes.
 *
 * <p>{@link org.mangonel.protocol.http.HttpResponseDecoder} is an explicit state machine fed whatever
 * bytes arrived, split anywhere: a response may arrive one byte at a time or several pipelined
 * responses in one read. It keeps no copy of what it reads (only a small buffer for the values of
 * the three headers that frame a response), so it allocates nothing per response and a huge
 * header or body costs no memory; the limits turn them into protocol errors. Outcomes are return
 * codes, never exceptions: the event loop calls it for every read.
 */
package org.mangonel.protocol.http;
