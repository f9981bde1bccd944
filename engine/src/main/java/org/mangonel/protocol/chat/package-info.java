/**
 * Line chat: the message line every client sends ({@link org.mangonel.protocol.chat.ChatLines})
 * and the incremental decoder that finds messages in whatever a server relays
 * ({@link org.mangonel.protocol.chat.ChatLineDecoder}), allocation-free and fed bytes split anywhere.
 */
package org.mangonel.protocol.chat;
