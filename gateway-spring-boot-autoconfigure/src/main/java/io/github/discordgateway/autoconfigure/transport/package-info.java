/** The gateway transport over spring-websocket's {@code WebSocketClient}. */
package io.github.discordgateway.autoconfigure.transport;
