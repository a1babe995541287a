/**
 * How the codec works inside (envelope scanning, ETF transcoding, decompressors, Jackson
 * deserializers, the field-by-field reading behind {@code LazyRecord}); internal, not API: it may
 * change in any release. Use {@link io.github.discordgateway.core.codec.Encoding} and {@link
 * io.github.discordgateway.core.codec.Compression} instead.
 */
package io.github.discordgateway.core.codec.internal;
