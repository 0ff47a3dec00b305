//! Stage 1, read: markdown issue -> [`Issue`] (front matter, sections, code blocks), each with its place.
//!
//! Knows markdown and YAML, nothing of the contract grammar beyond recognising which fenced block
//! holds the contract.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::diagnostic::Diagnostics;
use crate::source::{Source, Span, Spanned};

/// A Backend Feature Task issue as written, before its contract is parsed.
#[derive(Clone, Debug)]
pub struct Issue {
    pub source: Arc<Source>,
    pub front_matter: FrontMatter,
    /// Text of the `Objective` section, trimmed, if present.
    pub objective: Option<String>,
    /// Paths listed under `Code to Create` (backticks removed).
    pub code_to_create: Vec<Spanned<String>>,
    /// Checkbox items under `Business Logic`.
    pub business_logic: Vec<TaskItem>,
    /// `Depends on` / `Requires` / `Closes` entries of the Dependencies section.
    pub depends_on: Vec<IssueLink>,
    /// `Blocks` entries of the Dependencies section.
    pub blocks: Vec<IssueLink>,
    /// The fenced blocks holding the API contract (usually one).
    pub contract_blocks: Vec<CodeBlock>,
    /// Every fenced block in the file, contract blocks included (type definitions may live anywhere).
    pub code_blocks: Vec<CodeBlock>,
}

#[derive(Clone, Debug, Default)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub labels: Vec<String>,
    pub assignees: Vec<String>,
    pub extra: BTreeMap<String, serde_json::Value>,
}

#[derive(Clone, Debug)]
pub struct TaskItem {
    pub text: String,
    pub done: bool,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct IssueLink {
    /// `depends_on`, `requires`, `closes` or `blocks`.
    pub relation: &'static str,
    pub number: Option<u64>,
    pub note: String,
    pub span: Span,
}

/// A fenced code block. `content` covers exactly the lines between the fences, so offsets inside
/// it are offsets into the file.
#[derive(Clone, Debug)]
pub struct CodeBlock {
    /// The info string's first word (`javascript`), empty when untagged.
    pub lang: String,
    pub content: Span,
}

/// Reads an issue. Fails on front matter that does not parse and on a file with no contract block.
pub fn read(source: &Arc<Source>) -> Result<Issue, Diagnostics> {
    let _ = source;
    todo!("read stage")
}
