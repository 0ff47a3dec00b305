//! Stage 3, check: [`ast`](crate::ast) -> [`model`](crate::model), refusing what cannot be served.

use crate::ast::ParsedIssue;
use crate::diagnostic::Diagnostics;
use crate::model::Contract;

pub fn check(issues: &[ParsedIssue], diagnostics: &mut Diagnostics) -> Vec<Contract> {
    let _ = (issues, diagnostics);
    Vec::new()
}
