//! The string formats a contract can state, each checked by one rule: RFC 3339 date-times, UUIDs
//! in their text form, email addresses and absolute URIs, as OpenAPI's `format` names them.
//!
//! Each check is strict where a client could not mean anything else, and no stricter: an email
//! address is `local@domain` with a dotted domain, not RFC 5322's full grammar, which no form
//! accepts either.

/// A string format of the contract grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `date`, `datetime`, `timestamp`: an RFC 3339 date-time (`2024-05-01T12:00:00Z`).
    DateTime,
    /// `uuid`: 32 hex digits in the 8-4-4-4-12 text form.
    Uuid,
    /// `email`: `local@domain.tld`.
    Email,
    /// `url`, `uri`: an absolute URI (`https://example.com/a`).
    Uri,
}

impl Format {
    /// Whether `value` is written in this format.
    pub fn accepts(self, value: &str) -> bool {
        match self {
            Format::DateTime => is_date_time(value),
            Format::Uuid => is_uuid(value),
            Format::Email => is_email(value),
            Format::Uri => is_uri(value),
        }
    }

    /// What the format is, for a message: `expected {}`.
    pub fn expected(self) -> &'static str {
        match self {
            Format::DateTime => "an RFC 3339 date-time such as 2024-05-01T12:00:00Z",
            Format::Uuid => "a UUID such as 3f2c7a9e-5b1d-4c8e-9a6f-2d4b8c1e7f05",
            Format::Email => "an email address such as ada@example.com",
            Format::Uri => "an absolute URL such as https://example.com/",
        }
    }
}

/// RFC 3339's `date-time`: `YYYY-MM-DDTHH:MM:SS`, optional fraction, then `Z` or `±HH:MM`; `t`
/// and `z` in lower case too. Days are checked against their month (29 February in leap years
/// only); a leap second (`:60`) is allowed, as RFC 3339 allows it.
pub fn is_date_time(value: &str) -> bool {
    let b = value.as_bytes();
    let (Some(year), Some(month), Some(day)) = (number(b, 0..4), number(b, 5..7), number(b, 8..10))
    else {
        return false;
    };
    if b[4] != b'-' || b[7] != b'-' || !matches!(b.get(10), Some(b'T' | b't')) {
        return false;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day) && time(&b[11..])
}

/// The decimal number in `b[range]`, when every byte there is a digit.
fn number(b: &[u8], range: std::ops::Range<usize>) -> Option<u32> {
    let part = b.get(range)?;
    part.iter()
        .all(u8::is_ascii_digit)
        .then(|| part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

/// `HH:MM:SS`, an optional fraction, then `Z` or an offset.
fn time(b: &[u8]) -> bool {
    let (Some(hour), Some(minute), Some(second)) =
        (number(b, 0..2), number(b, 3..5), number(b, 6..8))
    else {
        return false;
    };
    if b[2] != b':' || b[5] != b':' || hour > 23 || minute > 59 || second > 60 {
        return false;
    }
    let mut rest = &b[8..];
    if let Some(fraction) = rest.strip_prefix(b".") {
        let n = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return false;
        }
        rest = &fraction[n..];
    }
    match rest {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', offset @ ..] => {
            offset.len() == 5
                && offset[2] == b':'
                && number(offset, 0..2).is_some_and(|h| h < 24)
                && number(offset, 3..5).is_some_and(|m| m < 60)
        }
        _ => false,
    }
}

/// The UUID text form, `8-4-4-4-12` hex digits in either case.
pub fn is_uuid(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// `local@domain`: one `@`, a local part of printable characters without spaces, and a domain of
/// two or more labels of letters, digits and inner hyphens; 254 characters at most.
pub fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && !"@\"(),:;<>[\\]".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    value.len() <= 254 && local_ok && domain_ok
}

/// An absolute URI: a scheme (a letter, then letters, digits, `+`, `-` or `.`), `:`, and at
/// least one more character, none of them whitespace or control characters.
pub fn is_uri(value: &str) -> bool {
    let Some((scheme, rest)) = value.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    let scheme_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let rest_ok = !rest.is_empty() && !rest.chars().any(|c| c.is_whitespace() || c.is_control());
    let authority_ok = match rest.strip_prefix("//") {
        Some(after) => !after.is_empty() && !after.starts_with('/'),
        None => true,
    };
    scheme_ok && rest_ok && authority_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_times() {
        for good in [
            "2024-05-01T12:00:00Z",
            "2024-05-01t12:00:00z",
            "2024-02-29T23:59:60.123456+05:30",
            "2000-02-29T00:00:00-00:00",
            "1999-12-31T23:59:59.5Z",
        ] {
            assert!(is_date_time(good), "{good}");
        }
        for bad in [
            "",
            "yesterday",
            "2024-05-01",
            "2024-05-01 12:00:00Z",
            "2024-05-01T12:00:00",
            "2023-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2024-04-31T00:00:00Z",
            "2024-13-01T00:00:00Z",
            "2024-00-10T00:00:00Z",
            "2024-05-01T24:00:00Z",
            "2024-05-01T12:60:00Z",
            "2024-05-01T12:00:00.Z",
            "2024-05-01T12:00:00+5:30",
            "2024-05-01T12:00:00+24:00",
            "2024-05-01T12:00:00Zjunk",
            "２０２４-05-01T12:00:00Z",
        ] {
            assert!(!is_date_time(bad), "{bad}");
        }
    }

    #[test]
    fn uuids() {
        assert!(is_uuid("3f2c7a9e-5b1d-4c8e-9a6f-2d4b8c1e7f05"));
        assert!(is_uuid("3F2C7A9E-5B1D-4C8E-9A6F-2D4B8C1E7F05"));
        for bad in [
            "x",
            "3f2c7a9e5b1d4c8e9a6f2d4b8c1e7f05",
            "3f2c7a9e-5b1d-4c8e-9a6f-2d4b8c1e7f0",
            "3f2c7a9e-5b1d-4c8e-9a6f-2d4b8c1e7f0g",
            "{3f2c7a9e-5b1d-4c8e-9a6f-2d4b8c1e7f05}",
            "3f2c7a9e_5b1d-4c8e-9a6f-2d4b8c1e7f05",
        ] {
            assert!(!is_uuid(bad), "{bad}");
        }
    }

    #[test]
    fn emails() {
        for good in [
            "ada@example.com",
            "a.b+tag@mail.example.co.uk",
            "o'neil@x.io",
            "ü@bücher.de",
        ] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "nope",
            "@example.com",
            "ada@",
            "ada@localhost",
            "ada@@example.com",
            "a da@example.com",
            "ada@exa mple.com",
            ".ada@example.com",
            "ada..b@example.com",
            "ada@-example.com",
            "ada@example..com",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        assert!(!is_email(&format!("{}@example.com", "a".repeat(65))));
    }

    #[test]
    fn uris() {
        for good in [
            "https://example.com/",
            "http://localhost:8080/a?b=c#d",
            "mailto:ada@example.com",
            "urn:isbn:0451450523",
            "s3+x://bucket/key",
        ] {
            assert!(is_uri(good), "{good}");
        }
        for bad in [
            "",
            "example.com",
            "/relative/path",
            "https:",
            "https:///path",
            "1http://x",
            "https://exa mple.com",
            "ht tp://x",
        ] {
            assert!(!is_uri(bad), "{bad}");
        }
    }

    #[test]
    fn each_format_has_its_check_and_its_words() {
        for (format, good, bad) in [
            (Format::DateTime, "2024-05-01T12:00:00Z", "yesterday"),
            (Format::Uuid, "3f2c7a9e-5b1d-4c8e-9a6f-2d4b8c1e7f05", "x"),
            (Format::Email, "ada@example.com", "nope"),
            (Format::Uri, "https://example.com/", "example.com"),
        ] {
            assert!(format.accepts(good) && !format.accepts(bad), "{format:?}");
            assert!(format.expected().contains(good), "{format:?}");
        }
    }
}
