/** Helpers shared by the model records; not part of the public API. */
package io.github.discordgateway.core.model.internal;
