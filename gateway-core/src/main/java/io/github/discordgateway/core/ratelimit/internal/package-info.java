/**
 * The outbound command queue and its 120-per-60-seconds limiter; internal, not API: it may change
 * in any release.
 */
package io.github.discordgateway.core.ratelimit.internal;
