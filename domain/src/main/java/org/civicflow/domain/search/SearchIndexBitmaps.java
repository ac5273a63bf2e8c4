package org.civicflow.domain.search;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.roaringbitmap.RoaringBitmap;

/**
 * The stored form of the public search index: each key's bitmap (portable RoaringBitmap bytes), a
 * pending reply's keys (UTF-8, one per line), and the locked, ordered write of bitmaps shared by
 * publication ({@link PublicSearchIndex}) and the merge ({@link SearchIndexMerge}).
 */
final class SearchIndexBitmaps {

  private SearchIndexBitmaps() {}

  /**
   * Adds (or removes) documents to (from) the bitmaps of the keys: the key rows are locked in key
   * order (no deadlock between two writers), and only rows that change are written.
   */
  static void apply(SearchIndexMapper index, Map<String, RoaringBitmap> docsByKey, boolean add) {
    List<String> sorted = new ArrayList<>(new TreeSet<>(docsByKey.keySet()));
    Map<String, SearchIndexMapper.KeyRow> existing = new HashMap<>();
    for (int i = 0; i < sorted.size(); i += 500) {
      for (SearchIndexMapper.KeyRow row :
          index.lockKeys(sorted.subList(i, Math.min(sorted.size(), i + 500)))) {
        existing.put(row.key(), row);
      }
    }
    for (String key : sorted) {
      SearchIndexMapper.KeyRow row = existing.get(key);
      RoaringBitmap docs = row == null ? new RoaringBitmap() : read(row.docs());
      int before = docs.getCardinality();
      if (add) {
        docs.or(docsByKey.get(key));
      } else {
        docs.andNot(docsByKey.get(key));
      }
      if (row == null && add) {
        index.insertKey(key, write(docs), docs.getCardinality());
      } else if (row != null && docs.getCardinality() != before) {
        index.updateKey(key, write(docs), docs.getCardinality());
      }
    }
  }

  static byte[] encode(Set<String> keys) {
    return String.join("\n", keys).getBytes(StandardCharsets.UTF_8);
  }

  static Set<String> decode(byte[] keys) {
    return new HashSet<>(Arrays.asList(new String(keys, StandardCharsets.UTF_8).split("\n")));
  }

  static RoaringBitmap read(byte[] bytes) {
    RoaringBitmap bitmap = new RoaringBitmap();
    try {
      bitmap.deserialize(ByteBuffer.wrap(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("a search key holds an unreadable bitmap", e);
    }
    return bitmap;
  }

  static byte[] write(RoaringBitmap bitmap) {
    bitmap.runOptimize();
    ByteArrayOutputStream out = new ByteArrayOutputStream(bitmap.serializedSizeInBytes());
    try (DataOutputStream data = new DataOutputStream(out)) {
      bitmap.serialize(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
