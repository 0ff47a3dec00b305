//! Serves the API on `PORT` (default 3000), logging every request, until Ctrl-C or SIGTERM.
//!
//! Yours to edit: `cargo xtask scaffold` created this file once and never overwrites it.

use std::time::Instant;

use axum::extract::Request;
use axum::middleware::{self, Next};
use axum::response::Response;
use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt().init();
    let port = match std::env::var("PORT") {
        Ok(port) => port
            .parse::<u16>()
            .map_err(|error| std::io::Error::other(format!("PORT={port}: {error}")))?,
        Err(_) => 3000,
    };
    let listener = TcpListener::bind(("0.0.0.0", port)).await?;
    // The bound address, not the requested one: with PORT=0 the system picks a free port.
    tracing::info!("listening on http://{}", listener.local_addr()?);
    let app = todo_api::app().layer(middleware::from_fn(log_request));
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
}

/// Logs every request with its status and how long it took.
async fn log_request(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let uri = request.uri().clone();
    let started = Instant::now();
    let response = next.run(request).await;
    tracing::info!(
        %method,
        %uri,
        status = response.status().as_u16(),
        elapsed = ?started.elapsed(),
        "request"
    );
    response
}

/// Resolves on Ctrl-C or SIGTERM; the server then stops taking connections and lets the requests
/// in flight finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            // Without the signal, never shut down rather than at once.
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                terminate.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
    tracing::info!("shutting down");
}
