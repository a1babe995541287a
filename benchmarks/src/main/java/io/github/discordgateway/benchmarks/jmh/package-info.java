/**
 * JMH micro-benchmarks of the hot path: inflate, envelope decode, typed decode, client, limiter.
 */
package io.github.discordgateway.benchmarks.jmh;
