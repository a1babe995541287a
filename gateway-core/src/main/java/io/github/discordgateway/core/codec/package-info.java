/**
 * Reading and writing gateway payloads: envelope decoding that keeps {@code d} raw, lazy typed
 * decoding (a whole record with {@link io.github.discordgateway.core.codec.RawJson#decode(Class)},
 * or one field at a time with {@link io.github.discordgateway.core.codec.LazyRecord}), the payload
 * encoder and transport decompression.
 */
package io.github.discordgateway.core.codec;
