package io.github.discordgateway.core.client.internal;

import io.github.discordgateway.core.client.SessionSnapshot;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.codec.Encoding;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Builds the WebSocket URL of a connection: the discovery URL (or, to resume, the session's {@code
 * resume_gateway_url}) with {@code ?v=10&encoding=json[&compress=...]}. A query already on the base
 * URL is replaced.
 *
 * <pre>{@code
 * URI uri = GatewayUris.connectUri("wss://gateway.discord.gg", Compression.ZLIB_STREAM);
 * // wss://gateway.discord.gg/?v=10&encoding=json&compress=zlib-stream
 * }</pre>
 */
public final class GatewayUris {

  /** The gateway API version this library speaks. */
  public static final int API_VERSION = 10;

  private GatewayUris() {}

  /**
   * Returns the URL to connect to.
   *
   * @param baseUrl the discovery or resume URL
   * @param compression the transport compression
   * @return the full URL
   * @throws IllegalArgumentException when {@code baseUrl} is not a URL
   */
  public static URI connectUri(String baseUrl, Compression compression) {
    return connectUri(baseUrl, compression, Encoding.JSON);
  }

  /**
   * Returns the URL to connect to.
   *
   * @param baseUrl the discovery or resume URL
   * @param compression the transport compression
   * @param encoding the payload encoding
   * @return the full URL
   * @throws IllegalArgumentException when {@code baseUrl} is not a URL
   */
  public static URI connectUri(String baseUrl, Compression compression, Encoding encoding) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    URI base;
    try {
      base = new URI(baseUrl.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Not a gateway URL: " + baseUrl, e);
    }
    if (base.getScheme() == null || base.getRawAuthority() == null) {
      throw new IllegalArgumentException("Not an absolute gateway URL: " + baseUrl);
    }
    String path =
        base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
    StringBuilder uri =
        new StringBuilder(base.getScheme())
            .append("://")
            .append(base.getRawAuthority())
            .append(path)
            .append("?v=")
            .append(API_VERSION)
            .append("&encoding=")
            .append((encoding == null ? Encoding.JSON : encoding).value());
    Compression c = compression == null ? Compression.NONE : compression;
    if (c.queryValue() != null) {
      uri.append("&compress=").append(c.queryValue());
    }
    return URI.create(uri.toString());
  }

  /**
   * Returns the URL of the next connection: the snapshot's resume URL when it can resume, else the
   * discovery URL, with the same query parameters either way.
   *
   * @param discoveryUrl the cached discovery URL
   * @param snapshot the session to resume, or {@code null}
   * @param compression the transport compression
   * @return the full URL
   */
  public static URI nextConnectUri(
      String discoveryUrl, SessionSnapshot snapshot, Compression compression) {
    return nextConnectUri(discoveryUrl, snapshot, compression, Encoding.JSON);
  }

  /**
   * Returns the URL of the next connection: the snapshot's resume URL when it can resume, else the
   * discovery URL, with the same query parameters either way.
   *
   * @param discoveryUrl the cached discovery URL
   * @param snapshot the session to resume, or {@code null}
   * @param compression the transport compression
   * @param encoding the payload encoding
   * @return the full URL
   */
  public static URI nextConnectUri(
      String discoveryUrl, SessionSnapshot snapshot, Compression compression, Encoding encoding) {
    String base =
        snapshot != null && snapshot.resumable() ? snapshot.resumeGatewayUrl() : discoveryUrl;
    return connectUri(base, compression, encoding);
  }
}
