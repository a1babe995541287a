package io.github.discordgateway.benchmarks.e2e;

import java.util.HashMap;
import java.util.Map;

/**
 * Command-line options: {@code --name=value} (or {@code -Dname=value}) arguments, else the system
 * property {@code -Dname=}, else the default.
 */
final class Args {

  private final Map<String, String> values = new HashMap<>();

  Args(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("--") && !arg.startsWith("-D")) {
        throw new IllegalArgumentException("Options look like --name=value, got " + arg);
      }
      int eq = arg.indexOf('=');
      if (eq < 0) {
        values.put(arg.substring(2), "true");
      } else {
        values.put(arg.substring(2, eq), arg.substring(eq + 1));
      }
    }
  }

  String get(String name, String defaultValue) {
    String value = values.get(name);
    if (value == null) {
      value = System.getProperty(name);
    }
    return value == null ? defaultValue : value;
  }

  int getInt(String name, int defaultValue) {
    return Integer.parseInt(get(name, Integer.toString(defaultValue)).replace("_", ""));
  }

  long getLong(String name, long defaultValue) {
    return Long.parseLong(get(name, Long.toString(defaultValue)).replace("_", ""));
  }

  boolean getBoolean(String name, boolean defaultValue) {
    return Boolean.parseBoolean(get(name, Boolean.toString(defaultValue)));
  }

  boolean has(String name) {
    return values.containsKey(name) || System.getProperty(name) != null;
  }
}
