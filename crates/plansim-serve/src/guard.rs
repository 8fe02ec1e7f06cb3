//! Who may drive the server: a request must name this server in its `Host` (so that a page of
//! another site, resolving its own name to 127.0.0.1, is refused: DNS rebinding) and carry the
//! token printed at start, in the address (`?token=`) or in the cookie the first visit sets.

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Request, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// The cookie that carries the token after the first visit.
pub const COOKIE: &str = "plansim_token";

/// What a request is checked against.
#[derive(Clone, Debug)]
pub struct Guard {
    pub token: String,
    /// The `Host` values accepted (`127.0.0.1:8000`, `localhost:8000`, `[::1]:8000`, …); empty
    /// accepts any (a server bound to every address, which the start-up warning names).
    pub hosts: Vec<String>,
}

impl Guard {
    /// The hosts a server on `bound` (the address asked for) at `port` answers to.
    pub fn new(token: String, bound: &str, port: u16) -> Guard {
        let mut hosts: Vec<String> = ["127.0.0.1", "localhost", "[::1]"]
            .iter()
            .map(|h| format!("{h}:{port}"))
            .collect();
        let named = if bound.contains(':') && !bound.starts_with('[') {
            format!("[{bound}]")
        } else {
            bound.to_string()
        };
        if bound == "0.0.0.0" || bound == "::" {
            hosts.clear();
        } else if !hosts.contains(&format!("{named}:{port}")) {
            hosts.push(format!("{named}:{port}"));
        }
        Guard { token, hosts }
    }

    fn host_ok(&self, req: &Request<Body>) -> bool {
        if self.hosts.is_empty() {
            return true;
        }
        let host = req
            .headers()
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .map(str::to_ascii_lowercase);
        host.is_some_and(|h| self.hosts.contains(&h))
    }

    /// The token of the address, if it is this server's.
    fn in_query(&self, req: &Request<Body>) -> bool {
        req.uri().query().is_some_and(|q| {
            q.split('&')
                .filter_map(|kv| kv.strip_prefix("token="))
                .any(|t| same(t, &self.token))
        })
    }

    fn in_cookie(&self, req: &Request<Body>) -> bool {
        req.headers()
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|kv| kv.trim().strip_prefix(COOKIE)?.strip_prefix('='))
            .any(|t| same(t, &self.token))
    }
}

/// Compares in time independent of where the texts differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The middleware: 421 for another host, 403 without the token; a visit with the token in
/// its address gets the cookie, so the page's own requests need not repeat it.
pub async fn check(State(g): State<Arc<Guard>>, req: Request<Body>, next: Next) -> Response {
    if !g.host_ok(&req) {
        return (
            StatusCode::MISDIRECTED_REQUEST,
            "plansim serve: this server answers only to its own address\n",
        )
            .into_response();
    }
    let by_query = g.in_query(&req);
    if !by_query && !g.in_cookie(&req) {
        return (
            StatusCode::FORBIDDEN,
            "plansim serve: open the address printed at start, with its token\n",
        )
            .into_response();
    }
    let mut resp = next.run(req).await;
    if by_query
        && let Ok(v) = HeaderValue::from_str(&format!(
            "{COOKIE}={}; Path=/; HttpOnly; SameSite=Strict",
            g.token
        ))
    {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_names_with_the_port_only() {
        let g = Guard::new("t".into(), "127.0.0.1", 8123);
        assert_eq!(
            g.hosts,
            ["127.0.0.1:8123", "localhost:8123", "[::1]:8123"].map(String::from)
        );
        let g = Guard::new("t".into(), "::1", 80);
        assert_eq!(g.hosts.len(), 3);
        let g = Guard::new("t".into(), "192.168.1.5", 80);
        assert!(g.hosts.contains(&"192.168.1.5:80".to_string()));
        assert!(Guard::new("t".into(), "0.0.0.0", 80).hosts.is_empty());
        assert!(same("abc", "abc") && !same("abc", "abd") && !same("abc", "ab"));
    }
}
