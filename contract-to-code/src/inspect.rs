//! `inspect`: what the parser understood of each issue.

use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use contract_core::model::{Contract, Endpoint, Inference};
use contract_core::render;

use crate::Failure;

#[derive(clap::Args)]
pub struct Args {
    /// Issue files in the Backend Feature Task format; `-` reads one from standard input.
    #[arg(required = true, value_name = "ISSUE.md")]
    issues: Vec<PathBuf>,
    /// Print the checked model as JSON (see docs/inspect-json.md) instead of a summary.
    #[arg(long, conflicts_with = "template")]
    json: bool,
    /// Print each issue's contract as a block in the template's grammar, ready to paste under an
    /// `**API Contract:**` label: what was understood, above all of a document read without one.
    #[arg(long)]
    template: bool,
}

pub fn run(args: &Args) -> Result<ExitCode, Failure> {
    let contracts = crate::input::load(&args.issues)?;
    let out = if args.template {
        contracts
            .iter()
            .map(|c| format!("// {}\n{}", c.file.display(), render::contract_block(c)))
            .collect::<Vec<_>>()
            .join("\n")
    } else if args.json {
        let mut json = serde_json::to_string_pretty(&contracts).expect("the model serialises");
        json.push('\n');
        json
    } else {
        contracts.iter().map(summary).collect::<Vec<_>>().join("\n")
    };
    out!("{out}");
    Ok(ExitCode::SUCCESS)
}

/// A few lines per issue: title, then each endpoint with its types, statuses and operation name.
fn summary(contract: &Contract) -> String {
    let mut out = format!("{}", contract.file.display());
    if let Some(title) = &contract.title {
        let _ = write!(out, ": {title}");
    }
    out.push('\n');
    if !contract.labels.is_empty() {
        let _ = writeln!(out, "  labels: {}", contract.labels.join(", "));
    }
    if contract.read_as_document {
        out.push_str(
            "  read as an API document, with no contract block: endpoints from its headings, \
             labels, lists, tables and code lines (`--template` shows them as a contract block)\n",
        );
    }
    for endpoint in &contract.endpoints {
        out.push_str(&endpoint_summary(endpoint));
        out.push_str(&provenance(&endpoint.inferred));
        let takes_body = matches!(endpoint.method.as_str(), "POST" | "PUT" | "PATCH");
        let request_said = endpoint.inferred.iter().any(|i| i.part == "request");
        if contract.read_as_document && takes_body && !request_said {
            out.push_str("    note:     the document gives no request body it could read\n");
        }
    }
    if !contract.notes.is_empty() {
        out.push('\n');
        out.push_str(&provenance(&contract.notes));
    }
    for named in &contract.types {
        match &named.definition {
            Some(definition) => {
                let _ = writeln!(out, "  type {} = {}", named.name, render::ty(definition));
            }
            None => {
                let _ = writeln!(out, "  type {} (defined elsewhere)", named.name);
            }
        }
    }
    if !contract.business_logic.is_empty() {
        let done = contract.business_logic.iter().filter(|t| t.done).count();
        let total = contract.business_logic.len();
        let items = if total == 1 { "item" } else { "items" };
        let _ = writeln!(out, "  business logic: {total} {items}, {done} done");
    }
    if !contract.code_to_create.is_empty() {
        let files: Vec<&str> = contract
            .code_to_create
            .iter()
            .map(|f| f.path.as_str())
            .collect();
        let _ = writeln!(out, "  code to create: {}", files.join(", "));
    }
    out
}

/// Where each part of an endpoint read from a document came from, statuses from one place on one
/// line, then the notes.
fn provenance(inferred: &[Inference]) -> String {
    // Each part once, the statuses from one place together: `statuses 401, 403: ...`.
    let mut lines: Vec<(String, Vec<&str>, &str, usize)> = Vec::new();
    for item in inferred.iter().filter(|i| i.part != "note") {
        let status = item.part.strip_prefix("status ");
        let same_place = lines.iter_mut().find(|(_, statuses, how, _)| {
            status.is_some() && !statuses.is_empty() && *how == item.how
        });
        match (status, same_place) {
            (Some(status), Some((_, statuses, _, _))) => statuses.push(status),
            _ => lines.push((
                item.part.clone(),
                status.into_iter().collect(),
                &item.how,
                item.at.line,
            )),
        }
    }
    let mut out = String::new();
    for (index, (part, mut statuses, how, line)) in lines.into_iter().enumerate() {
        let label = if index == 0 { "from:" } else { "" };
        let part = match statuses.len() {
            0 | 1 => part,
            _ => {
                statuses.sort_unstable();
                format!("statuses {}", statuses.join(", "))
            }
        };
        let _ = writeln!(out, "    {label:<9} {part}: {how} (line {line})");
    }
    for note in inferred.iter().filter(|i| i.part == "note") {
        let _ = writeln!(out, "    note:     line {}: {}", note.at.line, note.how);
    }
    out
}

fn endpoint_summary(endpoint: &Endpoint) -> String {
    let mut out = format!(
        "\n  {} {}  ->  {}  (line {})\n",
        endpoint.method, endpoint.path, endpoint.name, endpoint.at.line
    );
    if endpoint.auth {
        out.push_str("    auth:     bearer token\n");
    }
    for param in &endpoint.path_params {
        let _ = writeln!(out, "    path:     {}: string", param.name);
    }
    for field in &endpoint.query {
        let optional = if field.optional { "?" } else { "" };
        let _ = writeln!(
            out,
            "    query:    {}{optional}: {}",
            field.name,
            render::ty(&field.ty)
        );
    }
    if let Some(request) = &endpoint.request {
        let _ = writeln!(out, "    request:  {}", render::ty(request));
    }
    let body = endpoint
        .response
        .body
        .as_ref()
        .map_or_else(|| "(no body)".to_owned(), render::ty);
    let _ = writeln!(out, "    response: {} {body}", endpoint.response.status);
    for error in &endpoint.errors {
        let _ = writeln!(
            out,
            "    error:    {} {} ({})",
            error.status, error.message, error.variant
        );
    }
    out
}
