/**
 * Session persistence: where shards keep their resumable session across connections and restarts.
 */
package io.github.discordgateway.core.session;
