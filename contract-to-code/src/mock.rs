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
use contract_core::{Contract, Source};

use crate::Failure;
use crate::messages::MessageFormat;

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
}

/// The largest request body read.
const BODY_LIMIT: usize = 16 * 1024 * 1024;

/// How often the issue files are looked at for changes.
const POLL: Duration = Duration::from_millis(300);

pub fn run(args: &Args, format: MessageFormat) -> Result<ExitCode, Failure> {
    let started = Instant::now();
    let sources = crate::input::sources(&args.issues)?;
    let contracts = crate::input::contracts(&sources)?;
    let state = Arc::new(RwLock::new(
        Mock::new(&contracts).with_token(args.token.clone()),
    ));
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
            format,
        };
        reload.watch(Arc::clone(&state));
        let app = Router::new().fallback(answer).with_state(state);
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
                match self.load() {
                    Ok(contracts) => {
                        let mock = Mock::new(&contracts).with_token(self.token.clone());
                        outln!("mock: reloaded, {} endpoint(s)", mock.endpoints());
                        if let Ok(mut state) = state.write() {
                            *state = mock;
                        }
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

async fn answer(State(state): State<Arc<RwLock<Mock>>>, request: Request) -> Response {
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
        let answer = mock.answer(&mock::Request {
            method: &method,
            path: &path,
            query: parts.uri.query(),
            authorization: text(header::AUTHORIZATION),
            content_type: text(header::CONTENT_TYPE),
            prefer: headers.get("prefer").and_then(|v| v.to_str().ok()),
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
