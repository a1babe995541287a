/** An embedded, scriptable fake Discord gateway (WebSocket + REST on loopback) for tests. */
package io.github.discordgateway.test;
