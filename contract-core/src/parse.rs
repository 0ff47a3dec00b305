//! Stage 2, parse: contract block text -> [`ast`](crate::ast).

use crate::ast::ParsedIssue;
use crate::diagnostic::Diagnostics;
use crate::read::Issue;

pub fn parse_issue(issue: Issue, diagnostics: &mut Diagnostics) -> ParsedIssue {
    let _ = diagnostics;
    ParsedIssue {
        issue,
        endpoints: Vec::new(),
        type_defs: Vec::new(),
    }
}
