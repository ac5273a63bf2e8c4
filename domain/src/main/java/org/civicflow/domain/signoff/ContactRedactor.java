package org.civicflow.domain.signoff;

import java.util.regex.Pattern;

/**
 * Removes people's contact details from a text before it is published: e-mail addresses, Chinese
 * resident ID numbers, mobile and landline numbers. Short public service numbers (12315, 110) stay:
 * they are not personal.
 */
public final class ContactRedactor {

  /** What replaces a removed detail in the public text. */
  public static final String MARK = "[已隐去]";

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  private static final Pattern ID_NUMBER =
      Pattern.compile(
          "(?<![0-9])[1-9]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx](?![0-9])");
  private static final Pattern MOBILE =
      Pattern.compile("(?<![0-9])(?:\\+?86[- ]?)?1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}(?![0-9])");
  private static final Pattern LANDLINE =
      Pattern.compile(
          "(?<![0-9])(?:\\(0\\d{2,3}\\)|（0\\d{2,3}）|0\\d{2,3}[- ])?[2-9]\\d{6,7}(?![0-9])");

  private ContactRedactor() {}

  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String t = EMAIL.matcher(text).replaceAll(MARK);
    t = ID_NUMBER.matcher(t).replaceAll(MARK);
    t = MOBILE.matcher(t).replaceAll(MARK);
    return LANDLINE.matcher(t).replaceAll(MARK);
  }
}
