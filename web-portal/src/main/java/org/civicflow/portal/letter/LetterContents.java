package org.civicflow.portal.letter;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.domain.assignment.AssignmentRole;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.identity.User;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.publication.Publication;
import org.civicflow.domain.publication.Publications;
import org.civicflow.domain.reply.ReplyDrafting;
import org.civicflow.domain.resultcategory.ResultCategorySet;
import org.civicflow.domain.signoff.ReplySigning;
import org.civicflow.engine.proposal.ProposalView;
import org.civicflow.portal.web.ErrorResponses;
import org.springframework.stereotype.Service;

/**
 * The content of the reply letter of a signed reply: everything comes from the sealed signed reply
 * (checked against its seal); only the contact line falls back to the drafting handler when the
 * text has none, and the copy line names the co-handling departments.
 */
@Service
class LetterContents {

  /** A letter is written in Chinese whatever the reader's page language is. */
  static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

  private final Publications publications;
  private final ReplySigning signing;
  private final ReplyDrafting drafting;
  private final UserDirectory users;
  private final AssignmentManagement assignments;
  private final DepartmentDirectory departments;
  private final ErrorResponses texts;
  private final ZoneId zone;
  private final ResultCategorySet categories;

  LetterContents(
      Publications publications,
      ReplySigning signing,
      ReplyDrafting drafting,
      UserDirectory users,
      AssignmentManagement assignments,
      DepartmentDirectory departments,
      ErrorResponses texts,
      Clock clock,
      ResultCategorySet categories) {
    this.categories = categories;
    this.publications = publications;
    this.signing = signing;
    this.drafting = drafting;
    this.users = users;
    this.assignments = assignments;
    this.departments = departments;
    this.texts = texts;
    this.zone = clock.getZone();
  }

  /**
   * @param view what the reader sees of the proposal: a letter of a reply they do not see (another
   *     department's unsent reply, any reply for a released department) is "not found", before its
   *     seal is checked
   */
  LetterContent of(long proposalId, long publicationId, ProposalView view) {
    boolean visible =
        publications.of(proposalId).stream()
            .anyMatch(
                x ->
                    x.getId() == publicationId
                        && view.seesReply(x.getDepartmentCode(), x.getRepliedAt() != null));
    if (!visible) {
      throw new NotFoundException("reply", publicationId);
    }
    return of(signing.signedReply(proposalId, publicationId));
  }

  /** The content of a signed reply already checked against its seal. */
  LetterContent of(Publication p) {
    boolean proposal = "PROPOSAL".equals(p.getProposalType());
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
    ZonedDateTime signed = p.getSignedAt().atZone(zone);
    return new LetterContent(
        p.getProposalId(),
        p.getId(),
        p.getDepartmentCode(),
        p.getDepartmentName(),
        text(
            "letter.category",
            categories.display(p.getCategory(), p.getCategorySet(), p.getSignedAt(), LANGUAGE)),
        text(
            proposal ? "letter.title.PROPOSAL" : "letter.title.SUGGESTION",
            p.getSessionName(),
            p.getProposalNumber()),
        lines.get(0),
        List.copyOf(lines.subList(1, lines.size())),
        chineseDate(signed),
        contact != null ? contact : contactOf(p),
        text(proposal ? "letter.copies.PROPOSAL" : "letter.copies.SUGGESTION", coHandling(p)),
        p.getSignedAt(),
        signed.getYear(),
        text("letter.filename", p.getProposalNumber(), p.getDepartmentCode()));
  }

  /** "，市委网信办" — the co-handling departments of a lead department's reply, or nothing. */
  private String coHandling(Publication p) {
    boolean lead =
        assignments.of(p.getProposalId()).stream()
            .anyMatch(
                a ->
                    a.getRole() == AssignmentRole.LEAD
                        && a.getDepartmentCode().equals(p.getDepartmentCode()));
    if (!lead) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    assignments.of(p.getProposalId()).stream()
        .filter(a -> a.getRole() == AssignmentRole.CO)
        .map(a -> a.getDepartmentCode())
        .distinct()
        .filter(departments::exists)
        .forEach(code -> out.append('，').append(departments.get(code).name()));
    return out.toString();
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
