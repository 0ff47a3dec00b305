//! The words that name an endpoint, wherever they stand: a method (or several) and a path,
//! adjacent with any separator, in either order, backticked or bold or neither; and the labels
//! that say the text after them is a method or a path. [`super::candidates`] decides which
//! positions of the document may name one, and what may follow there.

use super::blocks::{has_any, label_words, starts_with_ignore_case};

/// The HTTP methods an endpoint may have, as documents write them.
pub(super) const METHODS: [&str; 7] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/// What may stand between a method and its path: spaces, a dash, a colon, a pipe, an arrow, and
/// the emphasis or code marks around either.
const SEPARATORS: [char; 15] = [
    ' ', '\t', '\u{a0}', '-', '–', '—', ':', '|', '`', '*', '_', '→', '>', '=', ']',
];

/// Emphasis and code marks around a method or a path.
const MARKS: [char; 3] = ['*', '`', '_'];

/// One or more methods and a path at the start of a text, and what follows them.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct MethodPath<'t> {
    /// The methods, upper case, each once: `GET, HEAD /x` names two endpoints.
    pub methods: Vec<&'static str>,
    /// The path from the root, without host or query string.
    pub path: String,
    /// The text after the pair, marks trimmed.
    pub rest: &'t str,
    /// A separator stands between the pair and `rest` (a colon, a dash, a run of spaces, an HTTP
    /// version), or nothing follows: what follows describes the endpoint.
    pub separated: bool,
    /// The pair is closed by the end of its code span or emphasis (`` `GET /x` lists ``).
    pub marked: bool,
}

impl MethodPath<'_> {
    /// Whether the pair stands apart from what follows it, by a separator or by its marks. Prose
    /// right after a bare path is a sentence.
    pub(super) fn closed(&self) -> bool {
        self.separated || self.marked
    }
}

/// A method and a path that end a title, after a separator: `Insert Author (`POST /authors`)`,
/// `Add Employee - POST - http://host/employees/add`, `Get Author — GET /authors/{id}`. The
/// title is a few words with no sentence punctuation; nothing but a parenthetical may follow the
/// pair. A heading may open the pair's code span after a space (`Get one `GET /x``); a line needs
/// a dash, a pipe or a parenthesis, as `then call `GET /x`` ends a sentence.
pub(super) fn titled(text: &str, heading: bool) -> Option<MethodPath<'_>> {
    let text = text.trim();
    let starts = text.char_indices().filter(|&(at, c)| {
        at > 0 && c.is_ascii_uppercase() && !text[..at].ends_with(|c: char| c.is_alphanumeric())
    });
    for (at, _) in starts {
        let Some(named) = method_first(
            text[at..]
                .trim_end_matches([')', ' '])
                .trim_end_matches(MARKS),
        ) else {
            continue;
        };
        let between = text[..at]
            .trim_end_matches(|c: char| c.is_whitespace() || MARKS.contains(&c) || c == '[');
        let title = between.trim_end_matches(['-', '–', '—', '|', '(', ' ', '\u{a0}']);
        let separated =
            title.len() < between.len() || (heading && text[..at].trim_end().ends_with('`'));
        let rest = named.rest.trim_matches(MARKS).trim();
        let aside = rest.is_empty() || (rest.starts_with('(') && rest.ends_with(')'));
        let words = title.split_whitespace().count();
        let plain = !title.contains(['.', ',', ';', '?', '!', '`', '/'])
            && title.starts_with(|c: char| c.is_alphanumeric())
            && lone_methods(title.rsplit(' ').next().unwrap_or("")).is_none();
        if separated && aside && plain && (1..=8).contains(&words) {
            return Some(named);
        }
    }
    None
}

/// The pair after another in a label's value: `` `PATCH /x/{id}` or `PUT /x/{id}` `` names both.
pub(super) fn alternative<'t>(rest: &'t str) -> Option<MethodPath<'t>> {
    let rest = rest.trim_start_matches(MARKS).trim_start();
    let next = rest
        .strip_prefix("or ")
        .or_else(|| rest.strip_prefix("and "))
        .or_else(|| rest.strip_prefix(','))?;
    method_path(next)
}

/// A method (or several) and a path at the start of `text`, in either order.
pub(super) fn method_path(text: &str) -> Option<MethodPath<'_>> {
    // `[GET]: List hives`, `**[ POST ]** /x`: a bracket around the method is a mark too.
    let text = text
        .trim()
        .trim_start_matches(MARKS)
        .trim_start_matches('[')
        .trim_start();
    method_first(text).or_else(|| path_first(text))
}

fn method_first(text: &str) -> Option<MethodPath<'_>> {
    let (methods, after) = methods(text)?;
    let separated = after.trim_start_matches(SEPARATORS);
    if separated.len() == after.len() {
        return None;
    }
    let (path, rest, stuck, marked) = path_word(separated).or_else(|| rooted_word(separated))?;
    let (rest, version) = without_version(rest);
    Some(MethodPath {
        methods,
        path,
        separated: stuck || version || described(rest),
        marked,
        rest,
    })
}

/// `GET: api/posts`: a route written without its leading slash, after a method and with nothing
/// after it (so that `GET and/or POST requests` names nothing).
fn rooted_word(text: &str) -> Option<(String, &str, bool, bool)> {
    let word = text.split_whitespace().next()?;
    let bare = word.trim_matches(['`', '*']);
    let rooted = bare.contains('/')
        && bare.starts_with(|c: char| c.is_ascii_alphanumeric())
        && !bare.contains("://");
    if !rooted || !text[word.len()..].trim().is_empty() {
        return None;
    }
    let (path, rest, _, marked) =
        path_word(&format!("/{bare}")).map(|(path, _, stuck, marked)| (path, "", stuck, marked))?;
    Some((path, rest, true, marked))
}

fn path_first(text: &str) -> Option<MethodPath<'_>> {
    let (path, after, _, _) = path_word(text)?;
    let (methods, rest) = methods(after.trim_start_matches(SEPARATORS))?;
    // `` `/api/teams` POST: create a team ``: the method's colon closes the pair.
    let marked = rest.starts_with(MARKS);
    let rest = rest.trim_start_matches(MARKS);
    let separated = rest.starts_with(':') || described(rest);
    let rest = rest.trim_start_matches(':').trim();
    (after.len() < text.len()).then_some(MethodPath {
        methods,
        path,
        rest,
        separated,
        marked,
    })
}

/// The methods at the start of `text` (`GET`, `GET, HEAD`, `PUT / PATCH`, `GET|POST`), and the
/// text after them.
fn methods(text: &str) -> Option<(Vec<&'static str>, &str)> {
    let mut methods = Vec::new();
    let mut rest = text;
    loop {
        let word = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                .len();
        let Some(method) = method_word(&rest[..word]) else {
            break;
        };
        if !methods.contains(&method) {
            methods.push(method);
        }
        rest = &rest[word..];
        // Another method after a comma, a slash, a pipe, `&` or `or`.
        let after = rest.trim_start_matches(MARKS).trim_start();
        let joined = after
            .strip_prefix([',', '/', '|', '&'])
            .or_else(|| after.strip_prefix("or "))
            .or_else(|| after.strip_prefix("and "));
        match joined.map(|next| next.trim_start().trim_start_matches(MARKS)) {
            Some(next) if starts_with_method(next) => rest = next,
            _ => break,
        }
    }
    (!methods.is_empty()).then_some((methods, rest))
}

/// Whether `text` starts with a method word.
fn starts_with_method(text: &str) -> bool {
    let word = text.len()
        - text
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .len();
    method_word(&text[..word]).is_some()
}

/// `word` if it is one of [`METHODS`], exactly.
fn method_word(word: &str) -> Option<&'static str> {
    // Most words are no method: none is shorter than 3 letters or longer than 7.
    if !(3..=7).contains(&word.len()) || !word.as_bytes()[0].is_ascii_uppercase() {
        return None;
    }
    // `DEL /users/:id`: the short form some route lists write.
    if word == "DEL" {
        return Some("DELETE");
    }
    METHODS.iter().copied().find(|m| *m == word)
}

/// The path word at the start of `text`: the path, the text after it (marks trimmed), whether a
/// separator follows it (a colon stuck to it, a comma, a run of spaces), and whether a mark closes
/// it (a closing backtick or emphasis).
fn path_word(text: &str) -> Option<(String, &str, bool, bool)> {
    let end = text
        .find(|c: char| c.is_whitespace() || matches!(c, '`' | '*' | '|' | '(' | ')' | ','))
        .unwrap_or(text.len());
    let word = &text[..end];
    let mut path = lone_path(word)?;
    let mut after = &text[end..];
    // `/api/student/`:id``: a parameter in code marks of its own ends the path.
    if path.ends_with('/')
        && let Some(inner) = after.strip_prefix('`')
        && let Some((parameter, rest)) = inner.split_once('`')
        && parameter.starts_with([':', '{', '<'])
        && lone_path(&format!("/{parameter}")).is_some()
    {
        path.push_str(parameter);
        after = rest;
    }
    let separated =
        word.ends_with(':') || after.starts_with([',', '\t']) || after.starts_with("  ");
    let marked = after.starts_with(MARKS);
    let after = after.trim_start_matches(MARKS);
    let separated = separated || after.starts_with("  ") || after.starts_with('\t');
    Some((path, after.trim(), separated, marked))
}

/// `rest` without a leading HTTP version (`HTTP/1.1`), and whether it had one.
fn without_version(rest: &str) -> (&str, bool) {
    match ["HTTP/1.1", "HTTP/1.0", "HTTP/2", "HTTP/3"]
        .iter()
        .find_map(|version| rest.strip_prefix(version))
    {
        Some(after) => (after.trim(), true),
        None => (rest, false),
    }
}

/// What may follow an endpoint on its line without making it a sentence: nothing, a title after
/// a dash or a colon, a parenthetical, an inline body, or a column after a run of spaces; any of
/// these after a symbol (a lock for auth, a check mark: `**`GET /x`** 🔒 — the list`), or only
/// symbols.
pub(super) fn described(rest: &str) -> bool {
    let rest = rest.trim_start_matches(' ');
    let symbol = |c: char| !c.is_ascii() && !c.is_alphanumeric() && !"–—→".contains(c);
    let after_symbols = rest.trim_start_matches(symbol);
    described_as_is(rest)
        || (after_symbols.len() < rest.len() && described_as_is(after_symbols.trim_start()))
}

fn described_as_is(rest: &str) -> bool {
    rest.trim().is_empty()
        || rest.starts_with(['-', '–', '—', ':', '(', '{', '[', '|', '→', '\t'])
        || rest.starts_with("->")
        || rest.starts_with("=>")
        // A comment after a route in a code block.
        || rest.starts_with('#')
        || rest.starts_with("//")
        // A description in a script no English sentence goes on in (`/x 부서 업무 목록`).
        || rest.starts_with(|c: char| c.is_alphabetic() && !c.is_ascii())
}

/// `text` if it is one of [`METHODS`], as written (upper case only: `get` is a word).
pub(super) fn lone_method(text: &str) -> Option<&'static str> {
    let text = text
        .trim()
        .trim_matches(['`', '*', '<', '>', '[', ']', ' ']);
    METHODS.iter().copied().find(|m| *m == text)
}

/// The methods a cell or a label value names (`GET`, `GET, HEAD`, `PUT / PATCH`), and nothing
/// else.
pub(super) fn lone_methods(text: &str) -> Option<Vec<&'static str>> {
    let text = text
        .trim()
        .trim_matches(MARKS)
        .trim_matches(['[', ']', ' ']);
    let (methods, rest) = methods(text)?;
    rest.trim_matches(MARKS)
        .trim_matches(['[', ']', ' '])
        .is_empty()
        .then_some(methods)
}

/// A path from the root, from a word such as `/api/x`, `{BASE_URL}/api/x` or
/// `https://host/api/x?y=1`: without host and query, or `None` when the word is no path.
pub(super) fn lone_path(word: &str) -> Option<String> {
    if !word.as_bytes().contains(&b'/') {
        return None;
    }
    let word = word
        .trim()
        .trim_matches(['`', '*', '"', '\'', ','])
        .trim_end_matches([':', '.']);
    // `https://host/x`: a scheme, then the host; not a URL in the query (`/x?to=https://y`).
    let scheme = word.split_once("://").filter(|(scheme, _)| {
        !scheme.is_empty() && scheme.bytes().all(|b| b.is_ascii_alphabetic())
    });
    let path = if let Some((_, rest)) = scheme {
        &rest[rest.find('/')?..]
    } else if word.starts_with('{') && !word.starts_with("{/") {
        // `{BASE_URL}/api/x`: a placeholder host.
        &word[word.find("}/")? + 1..]
    } else {
        word
    };
    let path = path.split(['?', '#']).next()?;
    let valid = path.starts_with('/')
        && !path.starts_with("//")
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/-_.~:{}<>[]$@%+=".contains(c));
    valid.then(|| path.to_owned())
}

/// A heading's `POST api/v1/comments`: a method and a route written without its leading slash
/// (as generated documentation writes it); at least two segments, so `GET started` is no route.
pub(super) fn rooted(text: &str) -> Option<(&'static str, String)> {
    let mut words = text.split_whitespace();
    let method = lone_method(words.next()?)?;
    let route = words.next()?.trim_matches('`');
    if words.next().is_some() || !route.contains('/') || route.starts_with('/') {
        return None;
    }
    lone_path(&format!("/{route}")).map(|path| (method, path))
}

/// A list item that marks its one method as a method and sets its one path apart, with a title
/// and notes around them in any order: `Index [token required]: '/products' [GET]`,
/// `Show : GET method `'/products/:id'``. The method is in brackets or followed by the word
/// `method` (`Put method`); the path is quoted or in code marks, its leading slash perhaps left
/// out (`'users/:id/orders'`).
pub(super) fn marked_method_item(line: &str) -> Option<(&'static str, String)> {
    let lower = line.to_ascii_lowercase();
    // Most items mark no method: no `[` and no `method` after a space.
    if !line.contains('[') && !lower.contains(" method") {
        return None;
    }
    let mut marked = METHODS.iter().flat_map(|&method| {
        let bracketed = line.matches(&format!("[{method}]")).count();
        let named = lower
            .match_indices(&format!("{} method", method.to_ascii_lowercase()))
            .filter(|&(at, _)| !lower[..at].ends_with(|c: char| c.is_ascii_alphanumeric()))
            .count();
        std::iter::repeat_n(method, bracketed + named)
    });
    let method = marked.next()?;
    if marked.next().is_some() {
        return None;
    }
    let mut paths = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| word.contains(['`', '\'', '"']))
        .filter_map(|word| {
            let bare = word.trim_matches(['`', '\'', '"', '*']);
            let rooted =
                bare.starts_with(|c: char| c.is_ascii_alphanumeric()) && !bare.contains("://");
            lone_path(bare).or_else(|| rooted.then(|| lone_path(&format!("/{bare}"))).flatten())
        });
    let path = paths.next()?;
    paths.next().is_none().then_some((method, path))
}

/// Whether `value` is what a method or an endpoint label holds: methods for the one; a path, or
/// a method and a path, for the other.
pub(super) fn label_holds(label: &str, value: &str) -> bool {
    match label_kind(label) {
        LabelKind::Method => lone_methods(value).is_some(),
        LabelKind::Endpoint => {
            method_path(value).is_some() || lone_path(value.trim_matches(['`', '*'])).is_some()
        }
        LabelKind::Other => false,
    }
}

/// A heading that is a method or a path label with its value (`### HTTP METHOD : `POST``, then
/// `### url : `https://host/x``): the two halves of one endpoint, as label lines are. A label
/// with both (`### Endpoint: POST /x`) names an endpoint of its own.
pub(super) fn half_label(text: &str) -> Option<(&str, &str)> {
    let (label, value) = split_label(text);
    let label = label?;
    (label_holds(label, value) && method_path(value).is_none()).then_some((label, value))
}

/// `v2`, `V1`, `v1_1`, `v1.2`: a version segment of a route.
pub(super) fn is_version(segment: &str) -> bool {
    segment.len() > 1
        && segment.starts_with(['v', 'V'])
        && segment[1..]
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'_')
}

/// `3. `, `4.2 `, `Endpoint 2: ` and emphasis before a heading's endpoint.
pub(super) fn strip_numbering(text: &str) -> &str {
    let text = text.trim().trim_start_matches(['*', '_']);
    let text = text.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')');
    let text = text.trim_start();
    if starts_with_ignore_case(text, "endpoint")
        && let Some((_, rest)) = text.split_once(':')
    {
        return rest.trim();
    }
    text
}

/// What a label says the text after it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum LabelKind {
    Endpoint,
    Method,
    Other,
}

pub(super) fn label_kind(label: &str) -> LabelKind {
    // No label of ours is longer: a sentence before a colon is none.
    if label.len() > 24 {
        return LabelKind::Other;
    }
    let Some((words, count)) = label_words::<3>(label) else {
        return LabelKind::Other;
    };
    let words = &words[..count];
    // `HTTP Method`, `Verb`; `Endpoint URL`, `Route`, `Request URL`; not `Path parameters`,
    // `Base URL`, `Query`, `Example request`.
    if has_any(words, &["method", "verb"]) {
        LabelKind::Method
    } else if has_any(
        words,
        &[
            "base",
            "root",
            "parameter",
            "parameters",
            "params",
            "param",
            "query",
            "example",
            "sample",
        ],
    ) {
        LabelKind::Other
    } else if has_any(
        words,
        &["endpoint", "route", "url", "uri", "path", "address"],
    ) || (count == 1 && words[0].eq_ignore_ascii_case("request"))
    {
        LabelKind::Endpoint
    } else {
        LabelKind::Other
    }
}

/// The kind of label a heading or a paragraph is when it is only that (`**Endpoint**`, `## URL`,
/// `## Method`), so that the next block may be its value.
pub(super) fn label_alone(text: &str) -> Option<LabelKind> {
    let text = text
        .trim()
        .trim_matches(['*', '_'])
        .trim()
        .trim_end_matches(':');
    // Alone, a label is only its key words (`## Method`, `**Endpoint**`, `Resource URL`): a
    // heading such as `## Endpoint Information` heads a section instead.
    let (words, count) = label_words::<2>(text)?;
    let key = [
        "endpoint", "route", "url", "uri", "path", "request", "resource", "method", "verb", "http",
    ];
    if !words[..count].iter().all(|w| has_any(&[w], &key)) {
        return None;
    }
    Some(label_kind(text)).filter(|kind| *kind != LabelKind::Other)
}

/// `**Label:** rest`, `**Label**: rest`, `Label: rest` for a short label: the label and the rest.
pub(super) fn split_label(line: &str) -> (Option<&str>, &str) {
    let trimmed = without_enumerator(line.trim_start_matches(['-', '*', ' ']));
    // A label is three words at most, so its colon comes early; a full-width colon
    // (`Base path：`) is a colon.
    let bytes = trimmed.as_bytes();
    let colon = bytes[..bytes.len().min(64)]
        .iter()
        .enumerate()
        .find_map(|(at, &b)| match b {
            b':' => Some((at, 1)),
            0xEF if bytes[at..].starts_with("：".as_bytes()) => Some((at, 3)),
            _ => None,
        });
    let Some((at, width)) = colon else {
        return (None, line);
    };
    let (label, rest) = (&trimmed[..at], &trimmed[at + width..]);
    let label = label.trim().trim_matches(['*', '_']).trim();
    let short = !label.is_empty()
        && label.split_whitespace().count() <= 3
        && label
            .chars()
            .all(|c| c.is_alphanumeric() || " -_".contains(c));
    // `POST /x: title` is an endpoint line, not a label named after a method.
    if !short || lone_method(label.split_whitespace().next().unwrap_or("")).is_some() {
        return (None, line);
    }
    (Some(label), rest.trim_start_matches(['*', '_']).trim())
}

/// `text` without an enumerator of a sub-item written in text (`i)`, `ii)`, `b)` and a space or
/// a tab).
fn without_enumerator(text: &str) -> &str {
    let Some((marker, rest)) = text.split_once(')') else {
        return text;
    };
    let enumerator = (1..=4).contains(&marker.len())
        && marker
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && rest.starts_with([' ', '\t']);
    if enumerator { rest.trim_start() } else { text }
}

/// GitBook's `{% swagger method="post" path="/x" %}` and `{% api-method method="get" ... %}`.
pub(super) fn liquid_tag(line: &str) -> Option<(&'static str, String)> {
    let tag = line.strip_prefix("{%")?.trim_start();
    if !(tag.starts_with("swagger ") || tag.starts_with("api-method ")) {
        return None;
    }
    let attribute = |name: &str| {
        let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
        tag[at..].split('"').next().map(str::to_owned)
    };
    let method = attribute("method")?.to_ascii_uppercase();
    let method = METHODS.iter().copied().find(|m| *m == method)?;
    let path = lone_path(&attribute("path")?)?;
    Some((method, path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(text: &str) -> Option<(Vec<&'static str>, String, bool)> {
        method_path(text).map(|found| {
            let closed = found.closed();
            (found.methods, found.path, closed)
        })
    }

    #[test]
    fn what_may_follow_an_endpoint() {
        for rest in [
            "",
            "— the list",
            "→ the list",
            ": the list",
            "🔒",
            "🔒 — the list",
            "✅ (done)",
        ] {
            assert!(described(rest), "{rest:?}");
        }
        for rest in ["returns the list", "🔒 returns the list", "with a token."] {
            assert!(!described(rest), "{rest:?}");
        }
    }

    #[test]
    fn any_separator_either_order_several_methods() {
        let get = |path: &str, closed| Some((vec!["GET"], path.to_owned(), closed));
        assert_eq!(pair("GET /a"), get("/a", true));
        assert_eq!(pair("`GET` - `/a`"), get("/a", true));
        assert_eq!(pair("GET: /a"), get("/a", true));
        assert_eq!(pair("**GET** | /a"), get("/a", true));
        assert_eq!(pair("GET /a/:id: the a"), get("/a/:id", true));
        assert_eq!(pair("`GET /a` lists them"), get("/a", true));
        assert_eq!(pair("GET /a lists them"), get("/a", false));
        assert_eq!(pair("GET /a    lists them"), get("/a", true));
        assert_eq!(pair("/a GET: list"), get("/a", true));
        assert_eq!(
            pair("PUT / PATCH /a/{id}"),
            Some((vec!["PUT", "PATCH"], "/a/{id}".to_owned(), true))
        );
        assert_eq!(
            pair("GET, HEAD `/a`"),
            Some((vec!["GET", "HEAD"], "/a".to_owned(), true))
        );
        assert_eq!(pair("GET: api/posts"), get("/api/posts", true));
        assert_eq!(pair("GET and/or POST requests"), None);
        assert_eq!(pair("GETTING /a"), None);
        assert_eq!(pair("get /a"), None);
        assert_eq!(pair("GET / - the index"), get("/", true));
        assert_eq!(pair("GET /x # a comment"), get("/x", true));
        assert_eq!(pair("[GET] /a/`:id`"), get("/a/:id", true));
        let first = method_path("`PATCH /a/{id}` or `PUT /a/{id}`").unwrap();
        let second = alternative(first.rest).unwrap();
        assert_eq!(
            (second.methods, second.path),
            (vec!["PUT"], "/a/{id}".to_owned())
        );
        assert!(alternative("or the whole list").is_none());
        assert_eq!(
            pair("`DEL /a/:id`"),
            Some((vec!["DELETE"], "/a/:id".to_owned(), true))
        );
    }

    #[test]
    fn a_list_item_may_mark_its_method_apart_from_its_path() {
        let found = |line: &str| marked_method_item(line).map(|(m, p)| format!("{m} {p}"));
        for (line, expected) in [
            ("Index [token required]: '/products' [GET]", "GET /products"),
            (
                "Create ````/products````  [POST] (body: Product)",
                "POST /products",
            ),
            ("Show : GET method `'/products/:id'`", "GET /products/:id"),
            (
                "AddProduct : Put method,body:OrderProduct `'/orders'`",
                "PUT /orders",
            ),
            (
                "Current order [token required]: 'users/:id/orders' [GET]",
                "GET /users/:id/orders",
            ),
        ] {
            assert_eq!(found(line).as_deref(), Some(expected), "{line}");
        }
        for line in [
            // No method, two methods, two paths, a path not set apart.
            "Login '/login'",
            "Items '/items' [GET] [POST]",
            "Copy '/a' to '/b' [POST]",
            "Index /products [GET]",
            // A method word that is no method (`forget method`).
            "Use the forget method on '/cache'",
        ] {
            assert_eq!(found(line), None, "{line}");
        }
    }

    #[test]
    fn a_heading_may_be_one_half_of_an_endpoint() {
        assert_eq!(
            half_label("HTTP METHOD : `POST`"),
            Some(("HTTP METHOD", "`POST`"))
        );
        assert_eq!(
            half_label("url : `https://host/x/{id}`"),
            Some(("url", "`https://host/x/{id}`"))
        );
        // Both halves, a title, or another label: none.
        assert_eq!(half_label("Endpoint: POST /x"), None);
        assert_eq!(half_label("Method: the idea"), None);
        assert_eq!(half_label("Note: `/x`"), None);
    }

    #[test]
    fn paths_lose_host_query_and_placeholders() {
        assert_eq!(
            lone_path("https://api.example.com/v1/x?y=1").as_deref(),
            Some("/v1/x")
        );
        assert_eq!(lone_path("{BASE_URL}/x").as_deref(), Some("/x"));
        assert_eq!(lone_path("/x/:id:").as_deref(), Some("/x/:id"));
        assert_eq!(lone_path("x/y"), None);
        assert_eq!(lone_path("/x?to=https://y/z").as_deref(), Some("/x"));
    }
}
