package io.github.discordgateway.core.model.json;

import java.math.BigInteger;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a snowflake from a JSON string or integer as an unsigned 64-bit {@code long}.
 *
 * <p>Values outside {@code [0, 2^64)}, fractions, booleans and non-numeric strings are rejected
 * through the {@link DeserializationContext} so that the error names the offending field. Bound to
 * a primitive {@code long}, an absent key or {@code null} reads as {@code 0}; otherwise as {@code
 * null}.
 */
public final class SnowflakeDeserializer extends ValueDeserializer<Long> {

  private static final BigInteger MAX_UNSIGNED = BigInteger.ONE.shiftLeft(64);

  private final boolean primitive;

  /** Creates the deserializer for nullable targets (contextualized for primitives). */
  public SnowflakeDeserializer() {
    this(false);
  }

  private SnowflakeDeserializer(boolean primitive) {
    this.primitive = primitive;
  }

  @Override
  public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
    boolean isPrimitive = property != null && property.getType().getRawClass() == long.class;
    return isPrimitive == primitive ? this : new SnowflakeDeserializer(isPrimitive);
  }

  @Override
  public Long deserialize(JsonParser p, DeserializationContext ctxt) {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      Long plain = plainDigits(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
      return plain != null ? plain : fromString(p.getString().trim(), ctxt);
    }
    if (token == JsonToken.VALUE_NUMBER_INT) {
      if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        BigInteger value = p.getBigIntegerValue();
        if (value.signum() < 0 || value.compareTo(MAX_UNSIGNED) >= 0) {
          return (Long)
              ctxt.handleWeirdNumberValue(
                  Long.class, value, "snowflake outside the unsigned 64-bit range");
        }
        return value.longValue();
      }
      long value = p.getLongValue();
      if (value < 0) {
        return (Long) ctxt.handleWeirdNumberValue(Long.class, value, "snowflake is negative");
      }
      return value;
    }
    return (Long) ctxt.handleUnexpectedToken(Long.class, p);
  }

  /**
   * Reads 1 to 19 ASCII digits without creating a string (every snowflake Discord sends); 19 digits
   * always fit in 64 unsigned bits, so the result equals {@link Long#parseUnsignedLong}.
   *
   * @return the value, or {@code null} for any other text, which then takes the general path
   */
  private static Long plainDigits(char[] chars, int offset, int length) {
    if (length < 1 || length > 19) {
      return null;
    }
    long value = 0;
    for (int i = offset; i < offset + length; i++) {
      int digit = chars[i] - '0';
      if (digit < 0 || digit > 9) {
        return null;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  static Long fromString(String text, DeserializationContext ctxt) {
    try {
      return Long.parseUnsignedLong(text);
    } catch (NumberFormatException e) {
      return (Long)
          ctxt.handleWeirdStringValue(
              Long.class, text, "not a snowflake (unsigned 64-bit decimal integer)");
    }
  }

  @Override
  public Object getNullValue(DeserializationContext ctxt) {
    return primitive ? 0L : null;
  }

  @Override
  public Object getAbsentValue(DeserializationContext ctxt) {
    return getNullValue(ctxt);
  }

  @Override
  public Class<?> handledType() {
    return Long.class;
  }
}
