package org.civicflow.portal.letters;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.civicflow.domain.identity.User;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.publication.Publication;
import org.civicflow.domain.publication.ReplySigning;
import org.civicflow.domain.reply.ReplyDrafting;
import org.civicflow.engine.proposal.ProposalView;
import org.civicflow.portal.letters.DocxDocument.Align;
import org.civicflow.portal.letters.DocxDocument.Paragraph;
import org.civicflow.portal.web.ErrorResponses;
import org.springframework.stereotype.Service;

/**
 * The reply letter (答复函) of a signed reply, in the layout of official letters: the category, the
 * department's red header, the title, the addressee, the signed text, the department and the date
 * of signing, the handler's contact line, the copies. Everything comes from the sealed signed
 * reply; only the contact line falls back to the drafting handler when the text has none.
 */
@Service
class ReplyLetters {

  /** A letter is written in Chinese whatever the reader's page language is. */
  static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

  private static final String RED = "C00000";

  /** A letter file. */
  record Letter(String filename, byte[] content) {}

  private final ReplySigning signing;
  private final ReplyDrafting drafting;
  private final UserDirectory users;
  private final ErrorResponses texts;
  private final ZoneId zone;

  ReplyLetters(
      ReplySigning signing,
      ReplyDrafting drafting,
      UserDirectory users,
      ErrorResponses texts,
      java.time.Clock clock) {
    this.signing = signing;
    this.drafting = drafting;
    this.users = users;
    this.texts = texts;
    this.zone = clock.getZone();
  }

  /**
   * @param view what the reader sees of the proposal: a letter of a reply they do not see (another
   *     department's unsent reply, any reply for a released department) is "not found", before its
   *     seal is checked
   */
  Letter of(long proposalId, long publicationId, ProposalView view) {
    boolean visible =
        signing.of(proposalId).stream()
            .anyMatch(
                x ->
                    x.getId() == publicationId
                        && view.seesReply(x.getDepartmentCode(), x.getRepliedAt() != null));
    if (!visible) {
      throw new org.civicflow.domain.common.NotFoundException("reply", publicationId);
    }
    Publication p = signing.signedReply(proposalId, publicationId);
    boolean proposal = "PROPOSAL".equals(p.getProposalType());
    DocxDocument doc = new DocxDocument();
    doc.add(
        new Paragraph(
            text("letter.category", p.getCategory()),
            DocxDocument.HEAD_FONT,
            16,
            false,
            null,
            Align.RIGHT,
            false,
            false,
            0));
    doc.add(
        new Paragraph(
            p.getDepartmentName(),
            DocxDocument.TITLE_FONT,
            26,
            false,
            RED,
            Align.CENTER,
            false,
            true,
            24));
    doc.add(
        new Paragraph(
            text(
                proposal ? "letter.title.PROPOSAL" : "letter.title.SUGGESTION",
                p.getSessionName(),
                p.getProposalNumber()),
            DocxDocument.TITLE_FONT,
            22,
            false,
            null,
            Align.CENTER,
            false,
            false,
            16));

    List<String> lines = new ArrayList<>();
    String contact = null;
    for (String line : p.getSignedText().split("\\R")) {
      String l = line.strip();
      if (l.isEmpty()) {
        continue;
      }
      if (l.startsWith("联系人") || l.startsWith("联系电话")) {
        contact = l;
      } else {
        lines.add(l);
      }
    }
    if (lines.isEmpty() || !isSalutation(lines.get(0))) {
      lines.add(
          0,
          text(
              proposal ? "letter.addressee.PROPOSAL" : "letter.addressee.SUGGESTION",
              p.getProposer()));
    }
    doc.body(lines.get(0), Align.LEFT, false);
    for (String l : lines.subList(1, lines.size())) {
      doc.body(l, Align.BOTH, true);
    }
    doc.blank().blank();
    doc.body(p.getDepartmentName(), Align.RIGHT, false);
    doc.body(chineseDate(p.getSignedAt().atZone(zone)), Align.RIGHT, false);
    doc.blank();
    doc.body(contact != null ? contact : contactOf(p), Align.LEFT, false);
    doc.add(
        new Paragraph(
            text(proposal ? "letter.copies.PROPOSAL" : "letter.copies.SUGGESTION"),
            DocxDocument.BODY_FONT,
            14,
            false,
            null,
            Align.LEFT,
            false,
            false,
            0));
    String filename =
        text("letter.filename", p.getProposalNumber(), p.getDepartmentCode()) + ".docx";
    return new Letter(filename, doc.bytes());
  }

  /** "金淼代表:" — the first line of most replies. */
  static boolean isSalutation(String line) {
    return line.length() <= 40 && (line.endsWith(":") || line.endsWith("："));
  }

  /** The drafting handler: name and phone (the department's name when no phone is on file). */
  private String contactOf(Publication p) {
    User author =
        drafting.all(p.getProposalId()).stream()
            .filter(d -> d.getId() == p.getDraftId())
            .findFirst()
            .flatMap(d -> users.find(d.getAuthor()))
            .orElse(null);
    if (author == null) {
      return text("letter.contactDepartment", p.getDepartmentName());
    }
    return author.getPhone() == null
        ? text("letter.contactName", author.getDisplayName(), p.getDepartmentName())
        : text("letter.contact", author.getDisplayName(), author.getPhone());
  }

  static String chineseDate(ZonedDateTime t) {
    return t.getYear() + "年" + t.getMonthValue() + "月" + t.getDayOfMonth() + "日";
  }

  private String text(String key, Object... args) {
    return texts.text(key, List.of(args), LANGUAGE);
  }
}
