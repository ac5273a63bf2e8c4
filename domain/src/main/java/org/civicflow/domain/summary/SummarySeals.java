package org.civicflow.domain.summary;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.civicflow.domain.integrity.KeyedMac;
import org.civicflow.domain.integrity.MacCheck;
import org.civicflow.domain.integrity.MacInput;
import org.civicflow.domain.integrity.SealKeys;
import org.civicflow.domain.integrity.SealedRecords;
import org.civicflow.domain.publication.Seal;
import org.springframework.stereotype.Component;

/**
 * Seals a published summary with the seal key shared by every node, as a reply is sealed at
 * sign-off: its id, session, figures (their SHA-256), who generated and published it and when. A
 * database writer who changes a figure, the session or the time no longer matches the seal.
 */
@Component
public class SummarySeals implements SealedRecords {

  static final String PURPOSE = "handling-summary/1";

  private final SealKeys keys;
  private final SummaryMapper summaries;

  SummarySeals(SealKeys keys, SummaryMapper summaries) {
    this.keys = keys;
    this.summaries = summaries;
  }

  void seal(HandlingSummary s) {
    KeyedMac mac = keys.sign(input(s));
    s.sealed(mac.hex(), mac.keyId());
  }

  /** How a stored summary compares with its seal. */
  public MacCheck check(HandlingSummary s) {
    if (s.getSeal() == null || !Seal.sha256(s.getFigures()).equals(s.getFiguresSha256())) {
      return MacCheck.BROKEN;
    }
    return keys.check(s.getSealKeyId(), s.getSeal(), input(s));
  }

  private static MacInput input(HandlingSummary s) {
    return MacInput.of(PURPOSE)
        .add(s.getId())
        .add(s.getSessionId())
        .add(s.getSessionName())
        .add(s.getState())
        .add(s.getFiguresSha256())
        .add(s.getGeneratedBy())
        .add(s.getGeneratedAt())
        .add(s.getPublishedBy())
        .add(s.getPublishedAt());
  }

  @Override
  public String describe() {
    return "published handling summaries (cf_handling_summary)";
  }

  @Override
  public Set<String> keyIdsInUse() {
    return new TreeSet<>(summaries.sealKeyIds());
  }

  @Override
  public Map<String, Long> sealsByKey() {
    Map<String, Long> counts = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    for (SummaryMapper.KeySeals row : summaries.sealCountsByKey()) {
      counts.merge(row.keyId(), row.seals(), Long::sum);
    }
    return counts;
  }
}
