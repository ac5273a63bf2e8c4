package org.civicflow.domain.publication;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.civicflow.domain.integrity.KeyedMac;
import org.civicflow.domain.integrity.MacCheck;
import org.civicflow.domain.integrity.SealKeys;
import org.civicflow.domain.integrity.SealedRecords;
import org.springframework.stereotype.Component;

/**
 * Makes and checks the seals of a publication. The content seal is made once, at sign-off; the
 * state seal at every change of state, with who made it. {@link Publications} records each state
 * seal in the audit log ({@value #STATE_RECORDED}), and the record is read with the publication: a
 * row put back to an earlier sealed state (a withdrawal undone from a backup of the row) no longer
 * matches the latest recorded one — and deleting that record breaks the audit log's chain.
 */
@Component
public class PublicationSeals implements SealedRecords {

  static final String STATE_RECORDED = "publication.state";

  private final SealKeys keys;
  private final PublicationMapper publications;
  private final Clock clock;

  PublicationSeals(SealKeys keys, PublicationMapper publications, Clock clock) {
    this.keys = keys;
    this.publications = publications;
    this.clock = clock;
  }

  /** What a check found: valid, or broken or of an unknown key, with what and which key. */
  public record Verdict(MacCheck result, String problem, String keyId) {

    static final Verdict VALID = new Verdict(MacCheck.VALID, null, null);

    static Verdict broken(String problem) {
      return new Verdict(MacCheck.BROKEN, problem, null);
    }

    static Verdict unknownKey(String keyId, String what) {
      return new Verdict(MacCheck.UNKNOWN_KEY, what, keyId);
    }

    public boolean valid() {
      return result == MacCheck.VALID;
    }
  }

  /** The time a seal records: whole seconds, as the database keeps them. */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * Seals a publication stored at sign-off, which has its id now: what was signed, and its first
   * state as made by the signer.
   */
  public void sealSigned(Publication p) {
    if (p.getId() == null) {
      throw new IllegalStateException("a publication is sealed once it has its id");
    }
    KeyedMac content = keys.sign(Seal.content(p));
    p.sealed(content.hex(), content.keyId());
    sealState(p, p.getSignedBy(), p.getSignedAt());
  }

  /** Seals the publication's new state as changed by {@code actor}, now. */
  public void sealState(Publication p, String actor) {
    sealState(p, actor, now());
  }

  private void sealState(Publication p, String actor, Instant at) {
    p.stateSealed(actor, at, null, null);
    KeyedMac state = keys.sign(Seal.state(p));
    p.stateSealed(actor, at, state.hex(), state.keyId());
  }

  /** The audit detail that records a state seal; the latest one is read with the record. */
  static String recordedState(Publication p) {
    return "state=" + p.getState() + " seal=" + p.getStateSeal();
  }

  /** Checks a stored publication against its seals. */
  public Verdict check(Publication p) {
    if (p.getSealKeyId() == null) {
      return checkLegacy(p);
    }
    MacCheck content = keys.check(p.getSealKeyId(), p.getSeal(), Seal.content(p));
    MacCheck state =
        p.getStateSeal() == null
            ? MacCheck.BROKEN
            : keys.check(p.getStateSealKeyId(), p.getStateSeal(), Seal.state(p));
    if (content == MacCheck.BROKEN) {
      return Verdict.broken("what was signed (proposal, department, version, disclosure, texts)");
    }
    if (state == MacCheck.BROKEN) {
      return Verdict.broken("its state (published, withdrawn, by whom)");
    }
    if (!Seal.sha256(p.getPublicText()).equals(p.getContentSha256())) {
      return Verdict.broken("the SHA-256 of its public text");
    }
    if (content == MacCheck.UNKNOWN_KEY) {
      return Verdict.unknownKey(p.getSealKeyId(), "content seal");
    }
    if (state == MacCheck.UNKNOWN_KEY) {
      return Verdict.unknownKey(p.getStateSealKeyId(), "state seal");
    }
    String recorded = p.getRecordedStateSeal();
    if (recorded != null && !recorded.equals(p.getStateSeal())) {
      return Verdict.broken("its state is not the latest one recorded (an earlier state put back)");
    }
    return Verdict.VALID;
  }

  /** Signed before seals named their key: the text and page were sealed, not the state. */
  private Verdict checkLegacy(Publication p) {
    MacCheck content = keys.checkWithAnyKey(p.getSeal(), Seal.legacy(p));
    if (content != MacCheck.VALID) {
      return Verdict.unknownKey(null, "a seal made before seals named their key");
    }
    if (!Seal.sha256(p.getPublicText()).equals(p.getContentSha256())) {
      return Verdict.broken("the SHA-256 of its public text");
    }
    return Verdict.VALID;
  }

  @Override
  public String describe() {
    return "signed replies (cf_publication)";
  }

  @Override
  public Set<String> keyIdsInUse() {
    return new TreeSet<>(publications.sealKeyIds());
  }

  @Override
  public Map<String, Long> sealsByKey() {
    Map<String, Long> counts = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    for (PublicationMapper.KeySeals row : publications.sealCountsByKey()) {
      counts.merge(row.keyId(), row.seals(), Long::sum);
    }
    return counts;
  }
}
