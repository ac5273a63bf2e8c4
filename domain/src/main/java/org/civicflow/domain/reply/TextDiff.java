package org.civicflow.domain.reply;

import java.util.ArrayList;
import java.util.List;

/**
 * A word-level diff that works for Chinese: each Han character is a word of its own, Latin words
 * and numbers are words, runs of white space are words, every other character is a word. The
 * smallest edit is found with Myers' algorithm; very different texts fall back to one replacement.
 */
public final class TextDiff {

  /** What happened to a piece of text. */
  public enum Op {
    EQUAL,
    INSERT,
    DELETE
  }

  /** A run of words with the same fate. */
  public record Segment(Op op, String text) {}

  /** Beyond this many edits the texts are treated as rewritten. */
  static final int MAX_EDITS = 4000;

  private TextDiff() {}

  /** The segments that turn {@code before} into {@code after}. */
  public static List<Segment> diff(String before, String after) {
    List<String> a = tokens(before == null ? "" : before);
    List<String> b = tokens(after == null ? "" : after);
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.size() - prefix
        && suffix < b.size() - prefix
        && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
      suffix++;
    }
    List<Segment> out = new ArrayList<>();
    add(out, Op.EQUAL, a.subList(0, prefix));
    List<String> midA = a.subList(prefix, a.size() - suffix);
    List<String> midB = b.subList(prefix, b.size() - suffix);
    List<Op> script = myers(midA, midB);
    if (script == null) {
      add(out, Op.DELETE, midA);
      add(out, Op.INSERT, midB);
    } else {
      int i = 0;
      int j = 0;
      for (Op op : script) {
        switch (op) {
          case EQUAL -> {
            add(out, Op.EQUAL, List.of(midA.get(i++)));
            j++;
          }
          case DELETE -> add(out, Op.DELETE, List.of(midA.get(i++)));
          case INSERT -> add(out, Op.INSERT, List.of(midB.get(j++)));
        }
      }
    }
    add(out, Op.EQUAL, a.subList(a.size() - suffix, a.size()));
    return out;
  }

  /** Splits a text into the words this diff compares. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int start = i;
      if (isLatinWordChar(cp)) {
        while (i < text.length() && isLatinWordChar(text.codePointAt(i))) {
          i += Character.charCount(text.codePointAt(i));
        }
      } else if (Character.isWhitespace(cp)) {
        while (i < text.length() && Character.isWhitespace(text.codePointAt(i))) {
          i += Character.charCount(text.codePointAt(i));
        }
      } else {
        i += Character.charCount(cp);
      }
      out.add(text.substring(start, i));
    }
    return out;
  }

  private static boolean isLatinWordChar(int cp) {
    return cp < 0x2E80 && Character.isLetterOrDigit(cp);
  }

  private static void add(List<Segment> out, Op op, List<String> words) {
    if (words.isEmpty()) {
      return;
    }
    String text = String.join("", words);
    if (!out.isEmpty() && out.get(out.size() - 1).op() == op) {
      Segment last = out.remove(out.size() - 1);
      out.add(new Segment(op, last.text() + text));
    } else {
      out.add(new Segment(op, text));
    }
  }

  /** Myers' shortest edit script, or {@code null} when it needs more than MAX_EDITS edits. */
  private static List<Op> myers(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int max = Math.min(n + m, MAX_EDITS);
    List<int[]> trace = new ArrayList<>();
    int[] v = new int[3];
    int offset = 1;
    for (int d = 0; d <= max; d++) {
      int[] next = new int[2 * d + 3];
      int nextOffset = d + 1;
      for (int k = -d; k <= d; k += 2) {
        int x;
        boolean down = k == -d || (k != d && get(v, offset, k - 1) < get(v, offset, k + 1));
        x = down ? get(v, offset, k + 1) : get(v, offset, k - 1) + 1;
        int y = x - k;
        while (x < n && y < m && a.get(x).equals(b.get(y))) {
          x++;
          y++;
        }
        next[k + nextOffset] = x;
        if (x >= n && y >= m) {
          trace.add(next);
          return backtrack(trace, n, m);
        }
      }
      trace.add(next);
      v = next;
      offset = nextOffset;
    }
    return null;
  }

  private static int get(int[] v, int offset, int k) {
    int i = k + offset;
    return i < 0 || i >= v.length ? 0 : v[i];
  }

  private static List<Op> backtrack(List<int[]> trace, int n, int m) {
    List<Op> ops = new ArrayList<>();
    int x = n;
    int y = m;
    for (int d = trace.size() - 1; d > 0; d--) {
      int[] prev = trace.get(d - 1);
      int prevOffset = d;
      int k = x - y;
      boolean down =
          k == -d || (k != d && get(prev, prevOffset, k - 1) < get(prev, prevOffset, k + 1));
      int prevK = down ? k + 1 : k - 1;
      int prevX = get(prev, prevOffset, prevK);
      int prevY = prevX - prevK;
      while (x > prevX && y > prevY) {
        ops.add(Op.EQUAL);
        x--;
        y--;
      }
      ops.add(down ? Op.INSERT : Op.DELETE);
      if (down) {
        y--;
      } else {
        x--;
      }
    }
    while (x > 0 && y > 0) {
      ops.add(Op.EQUAL);
      x--;
      y--;
    }
    java.util.Collections.reverse(ops);
    return ops;
  }
}
