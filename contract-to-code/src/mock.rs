//! `mock`: every endpoint of the issues served at once, with no build step and nothing written.
//! [`contract_core::mock`] decides each answer; this module owns the socket, CORS, the log line
//! per request, and reloading the issues when a file changes (the port stays).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant, SystemTime};

use axum::Router;
use axum::body::to_bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use contract_core::mock::{self, Mock};
use contract_core::source::Span;
use contract_core::{Contract, Source};

use crate::Failure;
use crate::messages::MessageFormat;

mod rules_file;

#[derive(clap::Args)]
pub struct Args {
    /// Issue files in the Backend Feature Task format: every endpoint of all of them is served
    /// (`-`: one issue from standard input, read once).
    #[arg(required = true, value_name = "ISSUE.md")]
    issues: Vec<PathBuf>,
    /// The port to listen on (0: any free port, printed at start).
    #[arg(long, default_value_t = 4010)]
    port: u16,
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    host: String,
    /// Accept only this bearer token (any other gets the contract's 401); without it, any token.
    #[arg(long, value_name = "TOKEN")]
    token: Option<String>,
    /// Keep no state: every answer from the contract alone, a `POST` forgotten at once.
    #[arg(long, conflicts_with_all = ["seed", "data"])]
    stateless: bool,
    /// Generate identifiers, timestamps and numbers from this seed: the same requests then get
    /// the same answers, byte for byte, on every run and machine.
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
    /// Start with these items: a JSON object from each collection's path to an array of items
    /// (docs/mock.md).
    #[arg(long, value_name = "FILE")]
    data: Option<PathBuf>,
    /// Wait this long before each answer (`200ms`, `1s`), or a random time in a range
    /// (`100ms..800ms`), to try a front end's spinners.
    #[arg(long, value_name = "TIME", value_parser = delay)]
    delay: Option<Delay>,
    /// Answer requests that match a rule of this file with the status it names, as the
    /// contract gives it (TOML, or JSON for a `.json` file: docs/mock.md).
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,
}

/// How long to wait before an answer: between the two, inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Delay {
    least: Duration,
    most: Duration,
}

/// `--delay`: `200ms`, or `100ms..800ms`.
fn delay(text: &str) -> Result<Delay, String> {
    let parse = |part: &str| {
        humantime::parse_duration(part.trim()).map_err(|e| {
            format!(
                "`{}`: {e} (write `200ms`, `1s`, or `100ms..800ms`)",
                part.trim()
            )
        })
    };
    let (least, most) = match text.split_once("..") {
        Some((least, most)) => (parse(least)?, parse(most)?),
        None => (parse(text)?, parse(text)?),
    };
    if least > most {
        return Err(format!("`{text}`: the range ends before it starts"));
    }
    if most > Duration::from_secs(600) {
        return Err(format!("`{text}`: at most 600 s"));
    }
    Ok(Delay { least, most })
}

/// The largest request body read.
const BODY_LIMIT: usize = 16 * 1024 * 1024;

/// How often the issue files are looked at for changes.
const POLL: Duration = Duration::from_millis(300);

pub fn run(args: &Args, format: MessageFormat) -> Result<ExitCode, Failure> {
    let started = Instant::now();
    let sources = crate::input::sources(&args.issues)?;
    let contracts = crate::input::contracts(&sources)?;
    let rules = args.rules.as_deref().map(rules_file::read).transpose()?;
    let memory = (!args.stateless).then(|| mock::State::new(args.seed));
    let mut mock = build(&contracts, args.token.clone(), rules.as_ref())?.with_state(memory);
    if let Some(file) = &args.data {
        preload(&mut mock, file)?;
    }
    let state = Arc::new(RwLock::new(mock));
    let endpoints = state.read().map_or(0, |m| m.endpoints());
    let address: SocketAddr = format!("{}:{}", args.host, args.port)
        .parse()
        .map_err(|e| Failure::Usage(format!("`{}` is not an address: {e}", args.host)))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::Usage(format!("cannot start the server: {e}")))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(address)
            .await
            .map_err(|e| Failure::Usage(format!("cannot listen on {address}: {e}")))?;
        let bound = listener.local_addr().unwrap_or(address);
        outln!(
            "mock: {endpoints} endpoint(s) from {} issue(s) in {} ms, listening on http://{bound}",
            args.issues.len(),
            started.elapsed().as_millis()
        );
        let reload = Reload {
            issues: args.issues.clone(),
            sources,
            token: args.token.clone(),
            rules,
            format,
        };
        reload.watch(Arc::clone(&state));
        let app = Router::new().fallback(answer).with_state(Shared {
            mock: state,
            delay: args.delay,
        });
        axum::serve(listener, app)
            .await
            .map_err(|e| Failure::Usage(format!("the server stopped: {e}")))
    })?;
    Ok(ExitCode::SUCCESS)
}

/// What reloading the issues needs: standard input's text is kept, as it cannot be read again.
struct Reload {
    issues: Vec<PathBuf>,
    sources: Vec<Arc<Source>>,
    token: Option<String>,
    rules: Option<rules_file::RulesFile>,
    format: MessageFormat,
}

impl Reload {
    /// Reloads the issues whenever one of the files changes; a version that does not load is
    /// reported and the last good one keeps serving.
    fn watch(mut self, state: Arc<RwLock<Mock>>) {
        std::thread::spawn(move || {
            let mut seen = self.stamps();
            loop {
                std::thread::sleep(POLL);
                let now = self.stamps();
                if now == seen {
                    continue;
                }
                seen = now;
                let mock = self.load().and_then(|contracts| {
                    build(&contracts, self.token.clone(), self.rules.as_ref())
                });
                match mock {
                    Ok(mock) => {
                        let endpoints = mock.endpoints();
                        if let Ok(mut state) = state.write() {
                            // What the collections hold carries over to the new contracts.
                            let memory = state.take_state();
                            *state = mock.with_state(memory);
                        }
                        // Said once the new version serves, so a client that reads it can rely
                        // on it.
                        outln!("mock: reloaded, {endpoints} endpoint(s)");
                    }
                    Err(failure) => {
                        eprintln!(
                            "mock: the issues no longer load; still serving the last version"
                        );
                        failure.report(self.format);
                    }
                }
            }
        });
    }

    fn stamps(&self) -> Vec<Option<SystemTime>> {
        self.issues
            .iter()
            .filter(|p| !crate::input::is_stdin(p))
            .map(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
            .collect()
    }

    /// The files read again, standard input as it was.
    fn load(&mut self) -> Result<Vec<Contract>, Failure> {
        for (path, source) in self.issues.iter().zip(&mut self.sources) {
            if !crate::input::is_stdin(path) {
                *source = Source::read(path).map_err(|error| Failure::Read {
                    path: path.clone(),
                    error,
                })?;
            }
        }
        crate::input::contracts(&self.sources)
    }
}

/// The mock of `contracts`, answering by the rules file's rules when there is one.
fn build(
    contracts: &[Contract],
    token: Option<String>,
    rules: Option<&rules_file::RulesFile>,
) -> Result<Mock, Failure> {
    let mock = Mock::new(contracts).with_token(token);
    match rules {
        Some(file) => mock
            .with_rules(&file.source, &file.specs)
            .map_err(|d| Failure::Load(contract_core::LoadError::Invalid(d))),
        None => Ok(mock),
    }
}

/// What every answer shares: the mock, and the delay asked for.
#[derive(Clone)]
struct Shared {
    mock: Arc<RwLock<Mock>>,
    delay: Option<Delay>,
}

/// Reads `--data` into the mock's collections.
fn preload(mock: &mut Mock, file: &std::path::Path) -> Result<(), Failure> {
    let text = std::fs::read_to_string(file).map_err(|error| Failure::Read {
        path: file.to_path_buf(),
        error,
    })?;
    let data: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        Failure::Usage(format!(
            "{}:{}:{}: --data is not JSON: {e}",
            file.display(),
            e.line(),
            e.column()
        ))
    })?;
    mock.preload(&data).map(drop).map_err(|(key, why)| {
        // The collection's key, where the text writes it first.
        let at = key
            .and_then(|key| text.find(&serde_json::Value::String(key).to_string()))
            .unwrap_or(0);
        let source = Source::new(file, text.as_str());
        Failure::Usage(format!(
            "{}: --data: {why}",
            source.location(Span::new(at, at))
        ))
    })
}

async fn answer(State(shared): State<Shared>, request: Request) -> Response {
    if let Some(Delay { least, most }) = shared.delay {
        let spread = (most - least).as_millis();
        let extra = u64::try_from(spread).map_or(0, |spread| fastrand::u64(..=spread));
        tokio::time::sleep(least + Duration::from_millis(extra)).await;
    }
    let state = shared.mock;
    let (parts, body) = request.into_parts();
    let method = parts.method.as_str().to_string();
    let path = parts.uri.path().to_string();
    let headers = &parts.headers;
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    let Ok(bytes) = to_bytes(body, BODY_LIMIT).await else {
        return with_cors(finish(&method, &path, payload_too_large()));
    };
    let (answer, allow) = {
        // A write lock: the mock remembers what was deleted.
        let Ok(mut mock) = state.write() else {
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        };
        if method == "OPTIONS" {
            let served = mock.methods(&path);
            if !served.is_empty() && !served.contains(&"OPTIONS") {
                return preflight(&served);
            }
        }
        // Only the rules look at every header.
        let with_headers = mock.rules() > 0;
        let answer = mock.answer(&mock::Request {
            method: &method,
            path: &path,
            query: parts.uri.query(),
            authorization: text(header::AUTHORIZATION),
            content_type: text(header::CONTENT_TYPE),
            prefer: headers.get("prefer").and_then(|v| v.to_str().ok()),
            headers: match with_headers {
                false => Vec::new(),
                true => headers
                    .iter()
                    .filter_map(|(name, value)| Some((name.as_str(), value.to_str().ok()?)))
                    .collect(),
            },
            body: &bytes,
        });
        // RFC 9110: a 405 says which methods the path has.
        let allow = (answer.status == 405).then(|| mock.methods(&path).join(", "));
        (answer, allow)
    };
    let mut response = with_cors(finish(&method, &path, answer));
    if let Some(allow) = allow.and_then(|a| HeaderValue::from_str(&a).ok()) {
        response.headers_mut().insert(header::ALLOW, allow);
    }
    response
}

/// The response for a mock answer, with its log line.
fn finish(method: &str, path: &str, answer: mock::Response) -> Response {
    outln!("{method} {path} -> {}", answer.status);
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    match answer.body {
        Some(body) => (
            status,
            [(header::CONTENT_TYPE, "application/json")],
            body.to_string(),
        )
            .into_response(),
        None => status.into_response(),
    }
}

fn payload_too_large() -> mock::Response {
    mock::Response {
        status: 413,
        body: Some(serde_json::json!({
            "success": false,
            "error": { "status": 413, "message": "Payload too large" }
        })),
    }
}

/// The answer to a browser's CORS preflight for a path the mock serves.
fn preflight(methods: &[&str]) -> Response {
    let mut response = StatusCode::NO_CONTENT.into_response();
    let headers = response.headers_mut();
    allow_origin(headers);
    if let Ok(value) = HeaderValue::from_str(&methods.join(", ")) {
        headers.insert(header::ACCESS_CONTROL_ALLOW_METHODS, value);
    }
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("Authorization, Content-Type, Prefer"),
    );
    headers.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static("600"),
    );
    response
}

fn with_cors(mut response: Response) -> Response {
    allow_origin(response.headers_mut());
    response
}

fn allow_origin(headers: &mut HeaderMap) {
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_delay_is_a_time_or_a_range_of_times() {
        let ms = Duration::from_millis;
        assert_eq!(
            delay("200ms"),
            Ok(Delay {
                least: ms(200),
                most: ms(200)
            })
        );
        assert_eq!(
            delay("100ms..1s"),
            Ok(Delay {
                least: ms(100),
                most: ms(1000)
            })
        );
        assert!(
            delay("1s..100ms")
                .unwrap_err()
                .contains("ends before it starts")
        );
        assert!(delay("fast").unwrap_err().contains("`fast`"));
        assert!(delay("2h").unwrap_err().contains("at most 600 s"));
    }
}
