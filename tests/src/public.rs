//! Public API documents the reader was not built on, `tests/documents/public.tsv`: for each, where
//! it lives (repository, path, commit), which half it is in, the endpoints it defines as a person
//! decided by reading it, and one checkable detail. The texts stay out of the repository; the
//! scorer (`score-public-documents`) reads them from a folder of `<id>.md` files.
//!
//! The reader is tuned on `tune`, and `unseen` is scored once, at the end of a change, to say how
//! it does on documents nobody tuned it on. A half scored that way is spent and joins `tune`: on
//! 2026-12-07 the first list (88 documents, split in two before the reader changed) had its
//! unseen half scored once, then a second set of 43 from other repositories, then a third set of
//! 44, which is `unseen` now.

use std::path::{Path, PathBuf};

/// `tests/documents/public.tsv`.
pub fn list() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("documents/public.tsv")
}

/// One public document and what it defines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicDocument {
    /// Its id in the list, and the name of its text in a folder: `<id>.md`.
    pub id: String,
    /// `tune` or `unseen`.
    pub half: Half,
    /// `owner/name` on GitHub.
    pub repository: String,
    /// Its path in the repository.
    pub path: String,
    /// The commit it was read at.
    pub commit: String,
    /// The endpoints it defines, `(METHOD, /path)`, parameters as written.
    pub endpoints: Vec<(String, String)>,
    /// One fact about one of them, where the list gives one.
    pub detail: Option<Detail>,
    /// The reader's judgement calls.
    pub notes: String,
}

/// The half of the list a document is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Half {
    /// What the reader may be tuned on.
    Tune,
    /// What it is scored on once, at the end.
    Unseen,
}

/// A checkable fact about one endpoint of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detail {
    /// The endpoint, `(METHOD, /path)`.
    pub endpoint: (String, String),
    /// What is said of it.
    pub fact: Fact,
}

/// What a detail says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fact {
    /// It answers this status.
    Status(u16),
    /// Its request body has exactly these top-level fields, `name?` when optional.
    Request(Vec<String>),
    /// It needs a bearer token (`true`) or is public (`false`).
    Auth(bool),
}

/// Every document of the list, in order; a line that does not read is an error naming it.
pub fn documents() -> Result<Vec<PublicDocument>, String> {
    let path = list();
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.starts_with('#') && !line.trim().is_empty())
        .map(|(index, line)| {
            document(line).map_err(|e| format!("{}:{}: {e}", path.display(), index + 1))
        })
        .collect()
}

fn document(line: &str) -> Result<PublicDocument, String> {
    let columns: Vec<&str> = line.split('\t').collect();
    let [id, half, repository, path, commit, endpoints, detail, notes] = columns[..] else {
        return Err(format!("{} columns, not 8", columns.len()));
    };
    let half = match half {
        "tune" => Half::Tune,
        "unseen" => Half::Unseen,
        other => return Err(format!("`{other}` is no half")),
    };
    let endpoints = match endpoints {
        "-" => Vec::new(),
        list => list.split("; ").map(endpoint).collect::<Result<_, _>>()?,
    };
    let detail = match detail {
        "-" => None,
        detail => Some(self::detail(detail)?),
    };
    Ok(PublicDocument {
        id: id.to_owned(),
        half,
        repository: repository.to_owned(),
        path: path.to_owned(),
        commit: commit.to_owned(),
        endpoints,
        detail,
        notes: notes.to_owned(),
    })
}

fn endpoint(text: &str) -> Result<(String, String), String> {
    match text.split_once(' ') {
        Some((method, path)) if path.starts_with('/') && !path.contains(' ') => {
            Ok((method.to_owned(), path.to_owned()))
        }
        _ => Err(format!("`{text}` is not `METHOD /path`")),
    }
}

/// `METHOD /path status 404`, `METHOD /path request a,b?`, `METHOD /path auth true`.
fn detail(text: &str) -> Result<Detail, String> {
    let mut words = text.splitn(4, ' ');
    let (Some(method), Some(path), Some(kind), Some(value)) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return Err(format!("`{text}` is not `METHOD /path KIND VALUE`"));
    };
    let fact = match kind {
        "status" => Fact::Status(
            value
                .parse()
                .map_err(|_| format!("`{value}` is no status"))?,
        ),
        "request" => Fact::Request(value.split(',').map(|f| f.trim().to_owned()).collect()),
        "auth" => Fact::Auth(value == "true"),
        other => return Err(format!("`{other}` is no kind of detail")),
    };
    Ok(Detail {
        endpoint: endpoint(&format!("{method} {path}"))?,
        fact,
    })
}

/// A route as endpoints are compared: parameters of any spelling (`:id`, `{id}`, `<id>`, `[id]`)
/// alike, no trailing slash.
pub fn route_key(path: &str) -> String {
    let key = path
        .trim_end_matches('/')
        .split('/')
        .map(|segment| {
            let parameter = segment.starts_with(':')
                || (segment.starts_with('{') && segment.ends_with('}'))
                || (segment.starts_with('<') && segment.ends_with('>'))
                || (segment.starts_with('[') && segment.ends_with(']'));
            if parameter { "{}" } else { segment }
        })
        .collect::<Vec<_>>()
        .join("/");
    if key.is_empty() { "/".to_owned() } else { key }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    /// The list is what the measure needs: at least 80 documents from 60 repositories, some
    /// defining nothing, a detail for at least 30, an unseen half of at least 40 documents of
    /// which 30 define endpoints; every detail is about an endpoint of its own document.
    #[test]
    fn the_list_is_sound() {
        let documents = documents().unwrap();
        let repositories: HashSet<&str> = documents.iter().map(|d| d.repository.as_str()).collect();
        assert!(documents.len() >= 80, "{} documents", documents.len());
        assert!(
            repositories.len() >= 60,
            "{} repositories",
            repositories.len()
        );
        assert!(documents.iter().any(|d| d.endpoints.is_empty()));
        assert!(documents.iter().filter(|d| d.detail.is_some()).count() >= 30);
        let unseen: Vec<&PublicDocument> = documents
            .iter()
            .filter(|d| d.half == Half::Unseen)
            .collect();
        assert!(unseen.len() >= 40, "{} unseen", unseen.len());
        assert!(unseen.iter().filter(|d| !d.endpoints.is_empty()).count() >= 30);
        let mut ids = HashSet::new();
        for document in &documents {
            assert!(ids.insert(&document.id), "{} twice", document.id);
            assert_eq!(document.commit.len(), 40, "{}", document.id);
            if let Some(detail) = &document.detail {
                let key = (detail.endpoint.0.clone(), route_key(&detail.endpoint.1));
                assert!(
                    document
                        .endpoints
                        .iter()
                        .any(|(m, p)| (m.clone(), route_key(p)) == key),
                    "{}: the detail's endpoint is not the document's",
                    document.id
                );
            }
        }
        // A repository's documents are all in one half: none is seen through another.
        for repository in repositories {
            let halves: HashSet<Half> = documents
                .iter()
                .filter(|d| d.repository == repository)
                .map(|d| d.half)
                .collect();
            assert_eq!(halves.len(), 1, "{repository} is in both halves");
        }
    }

    #[test]
    fn details_read() {
        assert_eq!(
            detail("POST /a/{id} request x,y?").unwrap().fact,
            Fact::Request(vec!["x".to_owned(), "y?".to_owned()])
        );
        assert_eq!(detail("GET /a status 404").unwrap().fact, Fact::Status(404));
        assert!(detail("GET /a colour red").is_err());
    }
}
