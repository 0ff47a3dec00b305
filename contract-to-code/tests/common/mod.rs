//! What the test binaries that talk to a server share: starting one, and one HTTP/1.1 request
//! over loopback.

// Each test binary uses only some of it.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Kills the server when the test ends, passing or not.
pub struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `command`, a server that prints `listening on http://HOST:PORT` on its standard output
/// once it listens, and returns it with that port.
pub fn start(mut command: Command) -> (Server, u16) {
    let child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("{command:?} starts: {e}"));
    let mut server = Server(child);
    let stdout = server.0.stdout.take().expect("piped stdout");
    let mut lines = BufReader::new(stdout).lines();
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        let Some(Ok(line)) = lines.next() else { break };
        if let Some((_, address)) = line.split_once("listening on http://") {
            let port = address
                .trim()
                .rsplit(':')
                .next()
                .and_then(|p| p.parse().ok());
            // Keep draining the log so the server never blocks on a full pipe.
            std::thread::spawn(move || lines.for_each(drop));
            return (server, port.expect("a port in the address"));
        }
    }
    panic!("{command:?} did not say where it listens");
}

/// An answer: its status, its head (status line and headers, lower case) and its body.
pub struct Answer {
    pub status: u16,
    pub head: String,
    pub body: String,
}

/// Sends one HTTP/1.1 request to `127.0.0.1:port` and reads the whole answer.
pub fn send(port: u16, method: &str, path: &str, headers: &[&str], body: &str) -> Answer {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut text = format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
    for header in headers {
        text.push_str(header);
        text.push_str("\r\n");
    }
    text.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    stream.write_all(text.as_bytes()).expect("send");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("receive");
    let (head, body) = response
        .split_once("\r\n\r\n")
        .unwrap_or((response.as_str(), ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {response:?}"));
    Answer {
        status,
        head: head.to_ascii_lowercase(),
        body: body.to_string(),
    }
}
