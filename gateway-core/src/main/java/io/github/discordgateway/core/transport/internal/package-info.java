/**
 * Helpers the transports share (the ping budget, the wording of their errors); internal, not API:
 * it may change in any release.
 */
package io.github.discordgateway.core.transport.internal;
