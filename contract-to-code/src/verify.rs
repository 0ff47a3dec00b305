//! `verify`: the contract's cases sent to a running service, in any language, and its answers
//! judged ([`contract_core::verify`] plans and judges; this sends and reports).
//!
//! Order matters where the service keeps state: first the valid `POST`s to collections, whose
//! answers give identifiers for the collections' items; then every case the contract alone
//! decides, several at a time; then the other valid requests one by one, `DELETE`s last.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use contract_core::expand::samples::TOKEN;
use contract_core::verify::{self, Case, Kind, Plan, Verdict};

use crate::Failure;
use crate::messages::MessageFormat;
use crate::scaffold::write_atomically;

mod report;

#[derive(clap::Args)]
pub struct Args {
    /// Issue files in the Backend Feature Task format; `-` reads one from standard input.
    #[arg(required = true, value_name = "ISSUE.md")]
    issues: Vec<PathBuf>,
    /// The service's base URL (`http://127.0.0.1:3000`); every request goes to a path under it.
    /// `verify` sends writes: point it at a test deployment.
    #[arg(long, value_parser = base_url)]
    url: String,
    /// The bearer token to send where the contract needs one [default: a sample token, with
    /// which a 401 or 403 to a valid request is reported as not exercised].
    #[arg(long)]
    token: Option<String>,
    /// Also write the report as JUnit XML to FILE, one test case per request.
    #[arg(long, value_name = "FILE")]
    junit: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Print the requests without sending any.
    #[arg(long)]
    dry_run: bool,
    /// How many requests may be in flight at once.
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=256))]
    concurrency: u16,
    /// How long to wait for each answer, in seconds; an answer that does not come in time fails
    /// its case.
    #[arg(long, default_value = "5", value_parser = seconds)]
    timeout: Duration,
}

/// How much of an answer is read: enough for any contract's body, not a download.
const BODY_CAP: u64 = 1024 * 1024;

/// What became of one case.
#[derive(Clone, Debug)]
pub(crate) struct Outcome {
    /// The path sent, with its query; for a case not sent, the one it would go to.
    pub path: String,
    /// The answer, when one came.
    pub answer: Option<Answer>,
    pub verdict: Verdict,
}

/// An answer: its status and body.
#[derive(Clone, Debug)]
pub(crate) struct Answer {
    pub status: u16,
    pub body: Vec<u8>,
}

pub fn run(args: &Args, format: MessageFormat) -> Result<ExitCode, Failure> {
    format.alone_or_json(args.json, "the report")?;
    let contracts = crate::input::load(&args.issues)?;
    let base = &args.url;
    let plan = verify::plan(&contracts, args.token.as_deref().unwrap_or(TOKEN));
    if args.dry_run {
        format.for_people(&format!("{}\n", report::dry_run(&plan, base)));
        return Ok(ExitCode::SUCCESS);
    }
    let client = Client::new(base, args.timeout, args.token.is_none());
    client.reachable()?;
    let outcomes = send_all(&plan, &client, usize::from(args.concurrency));
    let report = report::Report {
        url: base,
        plan: &plan,
        outcomes: &outcomes,
    };
    if let Some(file) = &args.junit {
        write_atomically(file, &report.junit())?;
    }
    if args.json {
        outln!("{}", report.json());
    } else {
        format.emit(&report.messages());
        format.for_people(&report.human());
    }
    Ok(if report.failed() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `--url`: the base URL without a trailing slash; `http://` or `https://` and a host.
fn base_url(url: &str) -> Result<String, String> {
    let url = url.trim().trim_end_matches('/');
    match url.split_once("://") {
        Some(("http" | "https", host)) if !host.is_empty() => Ok(url.to_string()),
        _ => Err("expected an http:// or https:// base URL, such as http://127.0.0.1:3000".into()),
    }
}

/// `--timeout`: seconds, from a millisecond to an hour.
fn seconds(text: &str) -> Result<Duration, String> {
    match text.trim().parse::<f64>() {
        Ok(seconds) if (0.001..=3600.0).contains(&seconds) => Ok(Duration::from_secs_f64(seconds)),
        _ => Err("expected seconds, from 0.001 to 3600".into()),
    }
}

/// Sends every case in its phase and judges each answer; the outcomes are in the plan's order,
/// endpoint by endpoint.
fn send_all(plan: &Plan, client: &Client, concurrency: usize) -> Vec<Vec<Outcome>> {
    let mut outcomes: Vec<Vec<Outcome>> = plan
        .endpoints
        .iter()
        .map(|e| e.cases.iter().map(Outcome::not_sent).collect())
        .collect();
    let cases: Vec<(usize, usize, &Case)> = plan
        .endpoints
        .iter()
        .enumerate()
        .flat_map(|(e, endpoint)| {
            endpoint
                .cases
                .iter()
                .enumerate()
                .map(move |(c, case)| (e, c, case))
        })
        .collect();
    // 1. The valid `POST`s to collections, for the identifiers they give.
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    for &(e, c, case) in &cases {
        if case.kind == Kind::Valid
            && let Some(collection) = verify::collection_of(&case.request)
        {
            let outcome = client.send(case, &ids, &plan.types);
            if let Some(answer) = &outcome.answer
                && let Some(id) = verify::identifier(&answer.body, collection)
            {
                ids.insert(collection.to_string(), id);
            }
            outcomes[e][c] = outcome;
        }
    }
    // 2. What the contract alone decides, several at a time.
    let derived: Vec<&(usize, usize, &Case)> = cases
        .iter()
        .filter(|(_, _, case)| case.kind == Kind::Derived)
        .collect();
    let next = AtomicUsize::new(0);
    let done = Mutex::new(Vec::with_capacity(derived.len()));
    std::thread::scope(|scope| {
        for _ in 0..concurrency.min(derived.len()).max(1) {
            scope.spawn(|| {
                while let Some(&&(e, c, case)) = derived.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let outcome = client.send(case, &ids, &plan.types);
                    done.lock().expect("no sender panics").push((e, c, outcome));
                }
            });
        }
    });
    for (e, c, outcome) in done.into_inner().expect("no sender panicked") {
        outcomes[e][c] = outcome;
    }
    // 3. The other valid requests, `DELETE`s last; what is not exercised is not sent.
    let mut rest: Vec<&(usize, usize, &Case)> = cases
        .iter()
        .filter(|(_, _, case)| {
            case.kind == Kind::Valid && verify::collection_of(&case.request).is_none()
        })
        .collect();
    rest.sort_by_key(|(_, _, case)| case.request.method == "DELETE");
    for &&(e, c, case) in &rest {
        outcomes[e][c] = client.send(case, &ids, &plan.types);
    }
    outcomes
}

impl Outcome {
    /// A case before it is sent: what is not exercised says why.
    fn not_sent(case: &Case) -> Outcome {
        let why = match &case.kind {
            Kind::NotExercised(why) => why.clone(),
            Kind::Derived | Kind::Valid => "not sent".to_string(),
        };
        Outcome {
            path: report::request_path(&case.request),
            answer: None,
            verdict: Verdict::NotExercised(why),
        }
    }
}

/// Sends requests to one base URL.
struct Client {
    agent: ureq::Agent,
    /// The same settings without a pool of idle connections: a request resent after a kept-alive
    /// connection turned out closed goes on a connection of its own.
    fresh: ureq::Agent,
    base: String,
    timeout: Duration,
    /// No `--token` was given: the plan sends the sample token.
    sample_token: bool,
}

impl Client {
    fn new(base: &str, timeout: Duration, sample_token: bool) -> Client {
        let agent = |pooled: bool| -> ureq::Agent {
            let builder = ureq::Agent::config_builder()
                .timeout_global(Some(timeout))
                .http_status_as_error(false)
                .max_redirects(0)
                // A case breaks one header at a time; the client adds none of its own but these.
                .user_agent(concat!(
                    "contract-to-code-verify/",
                    env!("CARGO_PKG_VERSION")
                ));
            let builder = if pooled {
                builder
            } else {
                builder
                    .max_idle_connections(0)
                    .max_idle_connections_per_host(0)
            };
            builder.build().into()
        };
        Client {
            agent: agent(true),
            fresh: agent(false),
            base: base.to_string(),
            timeout,
            sample_token,
        }
    }

    /// Fails the run, in one line, when the service cannot be reached at all.
    fn reachable(&self) -> Result<(), Failure> {
        match self.agent.get(&self.base).call() {
            Ok(_) => Ok(()),
            Err(
                error @ (ureq::Error::Io(_)
                | ureq::Error::ConnectionFailed
                | ureq::Error::HostNotFound
                | ureq::Error::Timeout(_)),
            ) => Err(Failure::Usage(format!(
                "cannot reach {}: {}",
                self.base,
                brief(&error, self.timeout)
            ))),
            // Any answer, or an error after one, means something listens there.
            Err(_) => Ok(()),
        }
    }

    /// Sends `case` and judges its answer.
    fn send(
        &self,
        case: &Case,
        ids: &BTreeMap<String, String>,
        types: &[contract_core::model::NamedType],
    ) -> Outcome {
        let request = &case.request;
        let (path, sample_ids) = request.path_with(ids);
        let stand = verify::Stand {
            ids: sample_ids,
            token: self.sample_token,
        };
        let query = request.query_string();
        let path = if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        };
        // Methods that take no body send none, whatever the case changed.
        let takes_body = matches!(request.method, "POST" | "PUT" | "PATCH");
        let body = request
            .body()
            .filter(|_| takes_body)
            .unwrap_or_default()
            .into_bytes();
        // A kept-alive connection the service closed after its last answer (as servers do
        // when they answer before reading a whole body) fails on the next write, or is found
        // closed with no answer begun; the service did not take the request, so it is sent
        // again, once, on a connection of its own.
        let send_once = |agent: &ureq::Agent| {
            let mut builder = ureq::http::Request::builder()
                .method(request.method)
                .uri(format!("{}{path}", self.base));
            if let Some(authorization) = &request.authorization {
                builder = builder.header("Authorization", authorization);
            }
            if let Some(content_type) = request.content_type {
                builder = builder.header("Content-Type", content_type);
            }
            let http = builder.body(body.clone()).map_err(|e| e.to_string())?;
            agent.run(http).map_err(Sent::Failed)
        };
        let sent = match send_once(&self.agent) {
            Err(Sent::Failed(ureq::Error::Io(error))) if closed_before_answer(&error) => {
                send_once(&self.fresh)
            }
            sent => sent,
        };
        let sent = sent.map_err(|failed| match failed {
            Sent::Failed(error) => brief(&error, self.timeout),
            Sent::Unbuilt(why) => why,
        });
        match sent {
            Ok(mut response) => {
                let status = response.status().as_u16();
                let mut body = Vec::new();
                let read = response
                    .body_mut()
                    .as_reader()
                    .take(BODY_CAP)
                    .read_to_end(&mut body);
                let verdict = match read {
                    Ok(_) => verify::judge(case, status, &body, types, stand),
                    Err(error) => Verdict::fail(format!("the answer broke off: {error}")),
                };
                Outcome {
                    path,
                    answer: Some(Answer { status, body }),
                    verdict,
                }
            }
            Err(why) => Outcome {
                path,
                answer: None,
                verdict: Verdict::fail(why),
            },
        }
    }
}

/// Why a request got no answer: it could not be built, or the transport failed.
enum Sent {
    Unbuilt(String),
    Failed(ureq::Error),
}

impl From<String> for Sent {
    fn from(why: String) -> Sent {
        Sent::Unbuilt(why)
    }
}

/// A transport error in a few words.
/// How a connection the service had already closed fails: on the write, or on the read before
/// a byte of the answer (ureq's "Peer disconnected").
fn closed_before_answer(error: &std::io::Error) -> bool {
    use std::io::ErrorKind;
    matches!(
        error.kind(),
        ErrorKind::BrokenPipe | ErrorKind::ConnectionReset | ErrorKind::UnexpectedEof
    )
}

fn brief(error: &ureq::Error, timeout: Duration) -> String {
    match error {
        ureq::Error::Timeout(_) => {
            format!("no answer within {} s", timeout.as_secs_f64())
        }
        ureq::Error::ConnectionFailed => "the connection was refused".to_string(),
        ureq::Error::HostNotFound => "no such host".to_string(),
        ureq::Error::Io(io) => format!("{}", io),
        other => other.to_string(),
    }
}
