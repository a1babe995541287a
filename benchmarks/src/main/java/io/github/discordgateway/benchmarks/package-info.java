/** Shared fixtures of the benchmarks: payloads shaped like Discord's and compressed streams. */
package io.github.discordgateway.benchmarks;
