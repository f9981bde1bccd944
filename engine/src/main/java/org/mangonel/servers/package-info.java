/**
 * The engine's own reference servers, run as {@code engine serve hello|chat --port N}: small,
 * fast NIO servers that need nothing but the JDK, so every scenario can be tried on a fresh
 * machine. They share the {@code net} event loops with the client but nothing of the load engine.
 *
 * <p>{@link org.mangonel.servers.ServerLoops} accepts on the first loop and hands each accepted
 * connection to the loops in turn; each connection then lives on one loop thread for good.
 */
package org.mangonel.servers;
