/** The few REST calls a gateway client needs: gateway discovery and the session start limit. */
package io.github.discordgateway.core.rest;
