/** Framework-free helpers for gateway commands, such as collecting the replies to a request. */
package io.github.discordgateway.core.command;
