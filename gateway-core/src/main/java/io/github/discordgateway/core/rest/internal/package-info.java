/**
 * The few REST calls a gateway client needs (gateway discovery with its retries, the session start
 * limit) and the {@code User-Agent} the library sends; internal, not API: it may change in any
 * release.
 */
package io.github.discordgateway.core.rest.internal;
