package org.civicflow.portal.letter;

import java.util.Locale;
import java.util.Optional;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.domain.letter.IssuedLetter;
import org.civicflow.domain.letter.IssuedLetters;
import org.civicflow.domain.publication.Publication;
import org.civicflow.domain.publication.PublicationMapper;
import org.civicflow.portal.web.ErrorResponses;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public pages 验证答复函: {@code /verify} takes an uploaded PDF and says whether it is a genuine
 * letter (a form that works without JavaScript); {@code /verify/{code}}, the address printed on
 * each letter, leads to the sealed public record of its reply, or — for a reply that is not public
 * — says only that a letter with this number, department and date exists and is valid.
 */
@Controller
class VerifyPageController {

  private final LetterVerification verification;
  private final IssuedLetters letters;
  private final PublicationMapper publications;
  private final ErrorResponses texts;

  VerifyPageController(
      LetterVerification verification,
      IssuedLetters letters,
      PublicationMapper publications,
      ErrorResponses texts) {
    this.verification = verification;
    this.letters = letters;
    this.publications = publications;
    this.texts = texts;
  }

  @GetMapping("/verify")
  String form() {
    return "public/verify";
  }

  @PostMapping("/verify")
  String upload(
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model,
      Locale locale) {
    try {
      model.addAttribute(
          "answer", verification.check(LetterVerificationApiController.bytes(file), locale));
    } catch (ValidationException invalid) {
      String key = invalid.fieldErrors().getOrDefault("file", "letter.verify.unreadable");
      model.addAttribute("problem", texts.text(key, java.util.List.of(), locale));
    }
    return "public/verify";
  }

  @GetMapping("/verify/{code}")
  String code(@PathVariable String code, Model model) {
    Optional<IssuedLetter> letter = letters.byCode(code);
    if (letter.isEmpty()) {
      throw new NotFoundException("letter", code);
    }
    Publication p = publications.findById(letter.get().publicationId()).orElseThrow();
    if (LetterVerification.isPublic(p)) {
      return "redirect:/public/replies/" + p.getId();
    }
    model.addAttribute("letter", letter.get());
    model.addAttribute("departmentName", p.getDepartmentName());
    return "public/verify-code";
  }
}
