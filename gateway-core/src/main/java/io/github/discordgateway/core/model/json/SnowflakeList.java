package io.github.discordgateway.core.model.json;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Marks the elements of a {@code List<Long>} (or the values of a {@code Map<?, Long>}) as
 * snowflakes, with the rules of {@link Snowflake}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.ANNOTATION_TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@JacksonAnnotationsInside
@JsonDeserialize(contentUsing = SnowflakeDeserializer.class)
@JsonSerialize(contentUsing = SnowflakeSerializer.class)
public @interface SnowflakeList {}
