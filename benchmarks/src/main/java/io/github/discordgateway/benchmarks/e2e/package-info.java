/** End-to-end benchmarks over loopback WebSocket against the fake gateway in a child JVM. */
package io.github.discordgateway.benchmarks.e2e;
