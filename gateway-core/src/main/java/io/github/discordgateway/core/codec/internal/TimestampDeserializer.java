package io.github.discordgateway.core.codec.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.TimeZone;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Reads Discord's timestamps ({@code 2026-12-02T04:40:42.295747+00:00}, fraction optional, offset
 * {@code +00:00} or {@code Z}) straight from the parser's characters, without {@code
 * DateTimeFormatter}. Every other value (other offsets, other shapes, numbers, invalid dates) goes
 * to Jackson's own {@code OffsetDateTime} deserializer, so results and errors stay Jackson's.
 */
public final class TimestampDeserializer extends ValueDeserializer<OffsetDateTime> {

  private final ValueDeserializer<?> fallback;
  private final boolean fast;

  public TimestampDeserializer() {
    this(InstantDeserializer.OFFSET_DATE_TIME, true);
  }

  private TimestampDeserializer(ValueDeserializer<?> fallback, boolean fast) {
    this.fallback = fallback;
    this.fast = fast;
  }

  @Override
  public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
    ValueDeserializer<?> contextual =
        InstantDeserializer.OFFSET_DATE_TIME.createContextual(ctxt, property);
    // A property with its own @JsonFormat gets Jackson's handling only.
    boolean plain = contextual == InstantDeserializer.OFFSET_DATE_TIME;
    return plain && fast && fallback == contextual
        ? this
        : new TimestampDeserializer(contextual, plain);
  }

  @Override
  public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) {
    if (fast && p.hasToken(JsonToken.VALUE_STRING) && utcContext(ctxt)) {
      OffsetDateTime value =
          parse(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
      if (value != null) {
        return value;
      }
    }
    return (OffsetDateTime) fallback.deserialize(p, ctxt);
  }

  @Override
  public Class<?> handledType() {
    return OffsetDateTime.class;
  }

  private static boolean utcContext(DeserializationContext ctxt) {
    if (!ctxt.isEnabled(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)) {
      return true;
    }
    TimeZone zone = ctxt.getTimeZone();
    return zone == null || (zone.getRawOffset() == 0 && !zone.useDaylightTime());
  }

  /**
   * Parses {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](+00:00|Z)}.
   *
   * @return the UTC timestamp, or {@code null} when the text has another shape or is not a date
   */
  static OffsetDateTime parse(char[] c, int start, int length) {
    int end = start + length;
    if (length < 20
        || c[start + 4] != '-'
        || c[start + 7] != '-'
        || c[start + 10] != 'T'
        || c[start + 13] != ':'
        || c[start + 16] != ':') {
      return null;
    }
    int year = digits(c, start, 4);
    int month = digits(c, start + 5, 2);
    int day = digits(c, start + 8, 2);
    int hour = digits(c, start + 11, 2);
    int minute = digits(c, start + 14, 2);
    int second = digits(c, start + 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = start + 19;
    int nanos = 0;
    if (c[i] == '.') {
      int scale = 100_000_000;
      i++;
      int first = i;
      while (i < end && c[i] >= '0' && c[i] <= '9') {
        if (scale == 0) {
          return null;
        }
        nanos += (c[i] - '0') * scale;
        scale /= 10;
        i++;
      }
      if (i == first) {
        return null;
      }
    }
    int rest = end - i;
    boolean utc =
        (rest == 1 && c[i] == 'Z')
            || (rest == 6
                && c[i] == '+'
                && c[i + 1] == '0'
                && c[i + 2] == '0'
                && c[i + 3] == ':'
                && c[i + 4] == '0'
                && c[i + 5] == '0');
    if (!utc) {
      return null;
    }
    try {
      return OffsetDateTime.of(
          LocalDate.of(year, month, day).atTime(LocalTime.of(hour, minute, second, nanos)),
          ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int digits(char[] c, int at, int count) {
    int value = 0;
    for (int i = at; i < at + count; i++) {
      int d = c[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }
}
