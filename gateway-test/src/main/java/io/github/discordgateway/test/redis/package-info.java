/** A real {@code redis-server} for tests, on a free loopback port, and its JUnit extension. */
package io.github.discordgateway.test.redis;
