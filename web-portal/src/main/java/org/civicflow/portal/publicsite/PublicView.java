package org.civicflow.portal.publicsite;

import java.util.List;
import org.springframework.stereotype.Component;

/** Template helpers of the public pages ({@code ${@publicView.mark(text, terms)}}). */
@Component("publicView")
public class PublicView {

  public List<Highlighter.Segment> mark(String text, List<String> terms) {
    return Highlighter.mark(text, terms);
  }

  public String snippet(String text, List<String> terms) {
    return Highlighter.snippet(text, terms);
  }

  public String headline(org.civicflow.domain.publication.PublicSnapshot s, boolean english) {
    return ReplyTitles.of(s, english);
  }
}
