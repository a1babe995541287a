package io.github.discordgateway.test;

import java.time.Duration;

/**
 * What {@link FakeDiscordGateway#stream(int, PreparedStream, int)} sent.
 *
 * @param payloads dispatches written
 * @param frames WebSocket frames written
 * @param bytes bytes written in frame payloads (compressed when zlib-stream)
 * @param firstSeq sequence number of the first dispatch
 * @param lastSeq sequence number of the last dispatch written
 * @param elapsed time from the first write until the last was handed to the socket
 */
public record StreamResult(
    long payloads, long frames, long bytes, long firstSeq, long lastSeq, Duration elapsed) {}
