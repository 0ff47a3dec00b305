//! The document corpus, `tests/documents/`: API documents written the way other teams write them
//! (spec-kit contracts, `docs/api` pages, task specs, plain notes), and documents that define no
//! endpoint. Each `NN-name.md` has a sidecar `NN-name.json` with what a reader must find in it.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// One document and what it defines.
#[derive(Clone, Debug)]
pub struct Document {
    /// The file name, `NN-name.md`.
    pub name: String,
    /// Its path.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
    /// Its sidecar.
    pub expected: Expected,
}

/// A document's sidecar: the truth a reader is measured against.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    /// The public repository and path whose shape the document follows (`owner/repo path`).
    pub follows: String,
    /// Every endpoint the document defines; none for a document that only mentions some.
    pub endpoints: Vec<ExpectedEndpoint>,
    /// What a reader of the test should know.
    #[serde(default)]
    pub notes: Option<String>,
}

/// One endpoint of a document. The optional parts are given where the document states them.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedEndpoint {
    /// `GET`, `POST`, ...
    pub method: String,
    /// As the document writes it (`/api/notes/{id}` or `/api/notes/:id`), without host or query.
    pub path: String,
    /// Top-level request body fields, `name?` when optional; empty when the document says there
    /// is no body.
    #[serde(default)]
    pub request: Option<Vec<String>>,
    /// Top-level fields of the success body.
    #[serde(default)]
    pub response: Option<Vec<String>>,
    /// Every status the document gives the endpoint, success and errors, sorted.
    #[serde(default)]
    pub statuses: Option<Vec<u16>>,
    /// Whether it needs a bearer token.
    #[serde(default)]
    pub auth: Option<bool>,
}

/// `tests/documents/`.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("documents")
}

/// Every document with its sidecar, by name.
pub fn documents() -> Vec<Document> {
    let dir = dir();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".md") && name != "README.md")
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let path = dir.join(&name);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let sidecar = path.with_extension("json");
            let json = std::fs::read_to_string(&sidecar)
                .unwrap_or_else(|e| panic!("{name} has no sidecar {}: {e}", sidecar.display()));
            let expected = serde_json::from_str(&json)
                .unwrap_or_else(|e| panic!("{}: {e}", sidecar.display()));
            Document {
                name,
                path,
                text,
                expected,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first line after the YAML front matter, or the first line when there is none.
    fn first_line_of_body(text: &str) -> &str {
        let mut lines = text.lines();
        let first = lines.next().unwrap_or_default();
        if first != "---" {
            return first;
        }
        lines.by_ref().find(|line| *line == "---");
        lines.next().unwrap_or_default()
    }

    const METHODS: [&str; 7] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    #[test]
    fn every_document_has_a_sound_sidecar() {
        let documents = documents();
        assert!(documents.len() >= 40, "{} documents", documents.len());
        for doc in &documents {
            assert_eq!(
                first_line_of_body(&doc.text),
                format!("<!-- follows: {} -->", doc.expected.follows),
                "{}: the first line (after any front matter) names the shape it follows, as the \
                 sidecar does",
                doc.name
            );
            for endpoint in &doc.expected.endpoints {
                let at = format!("{}: {} {}", doc.name, endpoint.method, endpoint.path);
                assert!(METHODS.contains(&endpoint.method.as_str()), "{at}");
                assert!(endpoint.path.starts_with('/'), "{at}");
                assert!(!endpoint.path.contains(['?', ' ']), "{at}");
                if let Some(statuses) = &endpoint.statuses {
                    assert!(
                        statuses.windows(2).all(|w| w[0] < w[1]),
                        "{at}: {statuses:?}"
                    );
                    assert!(statuses.iter().all(|s| (100..600).contains(s)), "{at}");
                }
            }
        }
        // Every `.json` belongs to a document.
        let sidecars = std::fs::read_dir(dir())
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|name| name.ends_with(".json"));
        for sidecar in sidecars {
            let document = sidecar.replace(".json", ".md");
            assert!(
                dir().join(&document).is_file(),
                "{sidecar} has no {document}"
            );
        }
    }

    #[test]
    fn the_corpus_states_enough_to_measure_more_than_endpoints() {
        let documents = documents();
        let negative = documents.iter().filter(|d| d.expected.endpoints.is_empty());
        assert!(
            negative.count() >= 5,
            "too few documents that define nothing"
        );
        let positive: Vec<_> = documents
            .iter()
            .filter(|d| !d.expected.endpoints.is_empty())
            .collect();
        let detailed = positive.iter().filter(|d| {
            d.expected
                .endpoints
                .iter()
                .all(|e| e.request.is_some() || e.statuses.is_some() || e.auth.is_some())
        });
        assert!(
            detailed.count() * 2 >= positive.len(),
            "fewer than half the documents state request fields, statuses or auth"
        );
    }
}
