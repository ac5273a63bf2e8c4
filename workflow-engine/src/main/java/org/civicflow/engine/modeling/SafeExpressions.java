package org.civicflow.engine.modeling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The only expressions a model may carry: known process variables, literals, comparisons and
 * arithmetic, and calls of a few allowlisted bean methods. No other method or property access, no
 * brackets, no lambdas or assignments — so a model cannot reach into the application the way {@code
 * ${execution.getProcessEngineServices()…}} or {@code ${''.getClass()…}} would.
 */
final class SafeExpressions {

  private static final Set<String> KEYWORDS =
      Set.of(
          "and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "true", "false", "null", "empty",
          "div", "mod");

  private static final Set<String> OPERATORS =
      Set.of(
          "==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-", "*", "/", "%", "?", ":", "(",
          ")", ",", ".");

  private final Set<String> variables;
  private final Map<String, Set<String>> beanMethods;
  private final Map<String, Set<String>> beanProperties;

  /**
   * @param variables process variables an expression may read
   * @param beanMethods bean name to the methods an expression may call on it
   * @param beanProperties bean name to the properties an expression may read on it
   */
  SafeExpressions(
      Set<String> variables,
      Map<String, Set<String>> beanMethods,
      Map<String, Set<String>> beanProperties) {
    this.variables = variables;
    this.beanMethods = beanMethods;
    this.beanProperties = beanProperties;
  }

  static boolean containsExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /**
   * Checks every {@code ${…}} and {@code #{…}} in the text; the text around them is not looked at.
   *
   * @return what is refused (a token or a short description), or empty when it is safe
   */
  Optional<String> check(String text) {
    int i = 0;
    while (i < text.length()) {
      int open = nextOpening(text, i);
      if (open < 0) {
        return Optional.empty();
      }
      int close = closing(text, open + 2);
      if (close < 0) {
        return Optional.of("unclosed " + text.substring(open, Math.min(text.length(), open + 2)));
      }
      Optional<String> refused = checkBody(text.substring(open + 2, close));
      if (refused.isPresent()) {
        return refused;
      }
      i = close + 1;
    }
    return Optional.empty();
  }

  /** Whether the text is exactly one expression naming an allowed variable, e.g. {@code ${x}}. */
  boolean isVariable(String text, Set<String> allowed) {
    String t = text.strip();
    if (!(t.startsWith("${") && t.endsWith("}"))) {
      return false;
    }
    String name = t.substring(2, t.length() - 1).strip();
    return allowed.contains(name);
  }

  private static int nextOpening(String text, int from) {
    int a = text.indexOf("${", from);
    int b = text.indexOf("#{", from);
    if (a < 0) {
      return b;
    }
    return b < 0 ? a : Math.min(a, b);
  }

  /** The closing brace of an expression, skipping string literals. */
  private static int closing(String text, int from) {
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '}') {
        return i;
      } else if (c == '{') {
        return -1; // nested braces: maps/sets of EL 3, never needed here
      }
    }
    return -1;
  }

  private Optional<String> checkBody(String body) {
    List<String> tokens;
    try {
      tokens = tokens(body);
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    if (tokens.isEmpty()) {
      return Optional.of("empty expression");
    }
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (!isIdentifier(t)) {
        if (t.equals(".")) {
          return Optional.of(".");
        }
        continue;
      }
      String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
      if (KEYWORDS.contains(t)) {
        continue;
      }
      if (beanMethods.containsKey(t) || beanProperties.containsKey(t)) {
        String member = i + 2 < tokens.size() ? tokens.get(i + 2) : "";
        String after = i + 3 < tokens.size() ? tokens.get(i + 3) : "";
        if (!next.equals(".")) {
          return Optional.of(t);
        }
        if (beanMethods.getOrDefault(t, Set.of()).contains(member) && after.equals("(")) {
          i += 3;
          continue;
        }
        if (beanProperties.getOrDefault(t, Set.of()).contains(member)
            && !after.equals("(")
            && !after.equals(".")) {
          i += 2;
          continue;
        }
        return Optional.of(t + "." + member);
      }
      if (!variables.contains(t)) {
        return Optional.of(t);
      }
      if (next.equals(".") || next.equals("(")) {
        return Optional.of(t + next);
      }
    }
    return Optional.empty();
  }

  private static boolean isIdentifier(String t) {
    return Character.isJavaIdentifierStart(t.charAt(0));
  }

  /**
   * Splits the body into identifiers, numbers, string literals and operators; anything else is
   * refused.
   */
  static List<String> tokens(String body) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isJavaIdentifierStart(c) && c != '$') {
        int j = i + 1;
        while (j < body.length()
            && Character.isJavaIdentifierPart(body.charAt(j))
            && body.charAt(j) != '$') {
          j++;
        }
        out.add(body.substring(i, j));
        i = j;
      } else if (Character.isDigit(c)) {
        int j = i + 1;
        while (j < body.length() && (Character.isDigit(body.charAt(j)) || body.charAt(j) == '.')) {
          j++;
        }
        out.add("0");
        i = j;
      } else if (c == '\'' || c == '"') {
        int j = i + 1;
        while (j < body.length() && body.charAt(j) != c) {
          if (body.charAt(j) == '\\') {
            j++;
          }
          j++;
        }
        if (j >= body.length()) {
          throw new IllegalArgumentException("unclosed string");
        }
        out.add("'…'");
        i = j + 1;
      } else {
        String two = i + 1 < body.length() ? body.substring(i, i + 2) : "";
        if (OPERATORS.contains(two)) {
          out.add(two);
          i += 2;
        } else if (OPERATORS.contains(String.valueOf(c))) {
          out.add(String.valueOf(c));
          i++;
        } else {
          throw new IllegalArgumentException(String.valueOf(c));
        }
      }
    }
    return out;
  }
}
