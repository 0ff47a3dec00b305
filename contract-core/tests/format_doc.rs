//! `docs/contract-format.md` must tell the truth: every `javascript` example in it is accepted, and
//! every diagnostic example produces exactly the output shown under it.

use contract_core::{Source, load_sources};
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

struct Block {
    lang: String,
    text: String,
    in_diagnostics: bool,
}

fn doc_blocks() -> Vec<Block> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/contract-format.md");
    let doc = std::fs::read_to_string(path).expect("docs/contract-format.md");
    let mut blocks = Vec::new();
    let mut in_diagnostics = false;
    let mut heading: Option<String> = None;
    let mut current: Option<Block> = None;
    for event in Parser::new(&doc) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(level)) => {
                let title = heading.take().unwrap_or_default();
                if level == pulldown_cmark::HeadingLevel::H2 {
                    in_diagnostics = title == "Diagnostics";
                }
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) => {
                current = Some(Block {
                    lang: lang.to_string(),
                    text: String::new(),
                    in_diagnostics,
                });
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(current.take()),
            Event::Text(text) => {
                if let Some(block) = current.as_mut() {
                    block.text.push_str(&text);
                } else if let Some(heading) = heading.as_mut() {
                    heading.push_str(&text);
                }
            }
            _ => {}
        }
    }
    blocks
}

#[test]
fn every_grammar_example_is_accepted() {
    let examples: Vec<Block> = doc_blocks()
        .into_iter()
        .filter(|b| b.lang == "javascript" && !b.in_diagnostics)
        .collect();
    assert!(
        examples.len() >= 12,
        "only {} examples found",
        examples.len()
    );
    for example in examples {
        let issue = format!("**API Contract:**\n```\n{}```\n", example.text);
        if let Err(diagnostics) = load_sources(&[Source::new("example.md", issue)]) {
            panic!(
                "documented example refused:\n{}\n{diagnostics}",
                example.text
            );
        }
    }
}

#[test]
fn every_diagnostic_example_shows_the_real_output() {
    let blocks: Vec<Block> = doc_blocks()
        .into_iter()
        .filter(|b| b.in_diagnostics)
        .collect();
    let pairs: Vec<(&Block, &Block)> = blocks
        .windows(2)
        .filter(|w| w[0].lang == "markdown" && w[1].lang == "text")
        .map(|w| (&w[0], &w[1]))
        .collect();
    assert!(
        pairs.len() >= 12,
        "only {} diagnostic examples found",
        pairs.len()
    );
    for (issue, expected) in pairs {
        let diagnostics = match load_sources(&[Source::new("issue.md", issue.text.as_str())]) {
            Ok(_) => panic!("documented bad input was accepted:\n{}", issue.text),
            Err(diagnostics) => diagnostics,
        };
        let rendered: Vec<String> = diagnostics.iter().map(|d| d.render(false)).collect();
        assert_eq!(
            rendered.join("\n\n").trim_end(),
            expected.text.trim_end(),
            "for:\n{}",
            issue.text
        );
    }
}
