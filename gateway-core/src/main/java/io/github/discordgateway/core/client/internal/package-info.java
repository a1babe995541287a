/**
 * Helpers of the gateway client (connect URIs); internal, not API: it may change in any release.
 */
package io.github.discordgateway.core.client.internal;
