/**
 * Helpers the transports share (the ping budget); internal, not API: it may change in any release.
 */
package io.github.discordgateway.core.transport.internal;
