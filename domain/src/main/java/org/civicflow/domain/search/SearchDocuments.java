package org.civicflow.domain.search;

import java.time.Instant;
import java.time.ZoneId;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/** The index's documents: one per signed reply and one per proposal, and their field names. */
final class SearchDocuments {

  static final String KEY = "key";
  static final String KIND = "kind";
  static final String ID = "id";
  static final String PROPOSAL_ID = "proposalId";
  static final String OF_PROPOSAL = "pid";
  static final String PUBLIC = "public";
  static final String DEPARTMENT = "dept";
  static final String YEAR = "year";
  static final String CATEGORY = "cat";
  static final String SESSION = "sess";
  static final String TIME = "time";
  static final String TITLE = "title";
  static final String BODY = "body";
  static final String UNIGRAMS = "uni";

  /** The proposal's number as written (a reply: its proposal's), found by a search for it. */
  static final String NUMBER = "num";

  /** Not a field: a token of a part with a lone character is looked for in title and text. */
  static final String BODY_AND_TITLE = "title|body";

  static final String REPLY = "reply";
  static final String PROPOSAL = "proposal";

  /** Single characters need only to be found, never scored: no frequencies, no positions. */
  private static final FieldType UNIGRAM_TYPE = new FieldType();

  static {
    UNIGRAM_TYPE.setIndexOptions(IndexOptions.DOCS);
    UNIGRAM_TYPE.setTokenized(true);
    UNIGRAM_TYPE.setOmitNorms(true);
    UNIGRAM_TYPE.freeze();
  }

  private SearchDocuments() {}

  static Term replyKey(long publicationId) {
    return new Term(KEY, "r:" + publicationId);
  }

  static Term proposalKey(long proposalId) {
    return new Term(KEY, "p:" + proposalId);
  }

  /**
   * Whether a reply is on the public site (the only replies the public search shows). Proposals
   * have no such field: the public search filters on it alone ({@link ReplySearch}).
   */
  static boolean isPublic(SearchSourceMapper.ReplyRow r) {
    return "PUBLISHED".equals(r.state());
  }

  static Document reply(SearchSourceMapper.ReplyRow r, ZoneId zone) {
    Document d = new Document();
    d.add(new StringField(KEY, replyKey(r.id()).text(), Field.Store.NO));
    d.add(new StringField(KIND, REPLY, Field.Store.NO));
    d.add(new StoredField(ID, r.id()));
    d.add(new StoredField(PROPOSAL_ID, r.proposalId()));
    d.add(new StringField(OF_PROPOSAL, String.valueOf(r.proposalId()), Field.Store.NO));
    d.add(new StringField(PUBLIC, isPublic(r) ? "1" : "0", Field.Store.NO));
    keyword(d, DEPARTMENT, r.departmentCode());
    Instant at = r.publishedAt() != null ? r.publishedAt() : r.signedAt();
    Integer year =
        r.publishedYear() != null
            ? r.publishedYear()
            : at == null ? null : at.atZone(zone).getYear();
    keyword(d, YEAR, year == null ? null : String.valueOf(year));
    keyword(d, CATEGORY, r.category());
    keyword(d, SESSION, r.sessionName());
    number(d, r.proposalNumber());
    d.add(new NumericDocValuesField(TIME, at == null ? 0 : at.toEpochMilli()));
    texts(d, r.title(), join(r.publicText(), r.suggestionText()));
    return d;
  }

  static Document proposal(SearchSourceMapper.ProposalRow p) {
    Document d = new Document();
    d.add(new StringField(KEY, proposalKey(p.id()).text(), Field.Store.NO));
    d.add(new StringField(KIND, PROPOSAL, Field.Store.NO));
    d.add(new StoredField(ID, p.id()));
    keyword(d, SESSION, p.sessionName());
    number(d, p.number());
    d.add(
        new NumericDocValuesField(
            TIME, p.registeredAt() == null ? 0 : p.registeredAt().toEpochMilli()));
    texts(d, p.title(), p.content());
    return d;
  }

  private static void texts(Document d, String title, String body) {
    d.add(new TextField(TITLE, nz(title), Field.Store.YES));
    d.add(new TextField(BODY, nz(body), Field.Store.YES));
    d.add(new Field(UNIGRAMS, join(title, body), UNIGRAM_TYPE));
  }

  private static void number(Document d, String number) {
    if (number != null && !number.isBlank()) {
      d.add(new StringField(NUMBER, normalNumber(number), Field.Store.NO));
    }
  }

  /** A number as the index holds it and a search asks for it: trimmed, lower case. */
  static String normalNumber(String number) {
    return number.strip().toLowerCase(java.util.Locale.ROOT);
  }

  private static void keyword(Document d, String field, String value) {
    if (value != null) {
      d.add(new StringField(field, value, Field.Store.YES));
      d.add(new SortedDocValuesField(field, new BytesRef(value)));
    }
  }

  private static String join(String a, String b) {
    return nz(a) + "\n" + nz(b);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
