/** The Discord Gateway v10 protocol model: opcodes, close codes, intents, event types, payloads. */
package io.github.discordgateway.core.protocol;
