package io.github.discordgateway.core.codec.internal;

import io.github.discordgateway.core.codec.Encoding;
import io.github.discordgateway.core.transport.FrameSink;

/** Sends the JSON payloads a client writes as ETF binary frames (see {@link Encoding#wrap}). */
public final class EtfFrameSink implements FrameSink {

  private final FrameSink delegate;

  public EtfFrameSink(FrameSink delegate) {
    this.delegate = delegate;
  }

  @Override
  public void sendText(String payload) {
    delegate.sendBinary(JsonToEtf.encode(payload));
  }

  @Override
  public void sendBinary(byte[] payload) {
    delegate.sendBinary(payload);
  }

  @Override
  public void close(int code, String reason) {
    delegate.close(code, reason);
  }
}
