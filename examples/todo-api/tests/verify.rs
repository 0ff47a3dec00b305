//! The service as built, on a loopback port, checked against its issues over HTTP by `cargo
//! xtask verify`: every case the issues decide holds. The in-process tests in `endpoints/` check
//! the handlers; this checks the binary a deployment would run.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, ExitCode, Stdio};

/// The server, stopped when the test ends, passing or not.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

const TOKEN: &str = "verify-token";

/// Starts the binary on a free port and returns it with the address it logs.
fn serve() -> (Server, String) {
    let mut server = Server(
        Command::new(env!("CARGO_BIN_EXE_todo-api"))
            .env("PORT", "0")
            .env("TODO_API_TOKEN", TOKEN)
            .stdout(Stdio::piped())
            .spawn()
            .expect("the server starts"),
    );
    let mut lines = BufReader::new(server.0.stdout.take().expect("piped")).lines();
    for line in lines.by_ref().map_while(Result::ok) {
        if let Some((_, address)) = line.split_once("listening on http://") {
            let port = address
                .trim()
                .rsplit(':')
                .next()
                .expect("a port")
                .to_string();
            // Keep reading the log so the server never blocks on a full pipe.
            std::thread::spawn(move || lines.for_each(drop));
            return (server, format!("http://127.0.0.1:{port}"));
        }
    }
    panic!("the server did not say where it listens");
}

#[test]
fn the_running_service_keeps_its_issues() {
    let (_server, url) = serve();
    let issues = Path::new(env!("CARGO_MANIFEST_DIR")).join("issues");
    let mut args = vec!["xtask".into(), "verify".into()];
    for name in [
        "create-todo",
        "delete-todo",
        "get-todo",
        "list-todos",
        "update-todo",
    ] {
        args.push(issues.join(format!("{name}.md")).into_os_string());
    }
    for flag in ["--url", &url, "--token", TOKEN] {
        args.push(flag.into());
    }
    assert_eq!(contract_to_code::run(args), ExitCode::SUCCESS);
}
