/**
 * Reading and writing gateway payloads: envelope decoding that keeps {@code d} raw, lazy typed
 * decoding, the payload encoder and transport decompression.
 */
package io.github.discordgateway.core.codec;
