/** Send-rate limiting per connection and the identify limiter SPI with its in-process default. */
package io.github.discordgateway.core.ratelimit;
