/**
 * The client of one gateway connection: {@link io.github.discordgateway.core.client.GatewayClient}
 * runs a state machine of phase classes (Hello, then Identify or Resume, Connected, Closed) on one
 * serial executor, with its {@code Heartbeater} and a pure {@code CloseDecision} that turns a close
 * code or op 9 into resume, identify or stop.
 */
package io.github.discordgateway.core.client;
