//! The names the server answers to. A web page can point a DNS name of its own at 127.0.0.1
//! (DNS rebinding) and then call the server as if from its own origin; the Host header still
//! names the page's domain, so anything not on this list is refused.

use std::net::SocketAddr;

#[derive(Debug, Clone)]
pub struct AllowedHosts {
    /// Matched with any port: a loopback name reaches only this machine.
    names: Vec<String>,
    /// Matched with exactly this port.
    with_port: Vec<String>,
}

impl AllowedHosts {
    /// localhost, 127.0.0.1 and [::1] on any port, the listen address, and `extra`
    /// (`name` for any port, `name:port` for one).
    pub fn new(listen: SocketAddr, extra: &[String]) -> Self {
        let mut hosts = Self { names: vec!["localhost".into(), "127.0.0.1".into(), "[::1]".into()], with_port: vec![listen.to_string()] };
        for host in extra {
            let host = host.trim().to_ascii_lowercase();
            match split_port(&host) {
                (_, Some(_)) => hosts.with_port.push(host),
                (name, None) => hosts.names.push(name.to_owned()),
            }
        }
        hosts
    }

    pub fn allows(&self, host: &str) -> bool {
        let host = host.to_ascii_lowercase();
        let (name, _) = split_port(&host);
        self.names.iter().any(|allowed| *allowed == name) || self.with_port.contains(&host)
    }

    /// For the refusal: what is allowed.
    pub fn describe(&self) -> String {
        self.names.iter().chain(&self.with_port).map(String::as_str).collect::<Vec<_>>().join(", ")
    }
}

/// `name:port` → (`name`, Some(port)); `[::1]:80` → (`[::1]`, Some(80)); `[::1]` → (`[::1]`, None).
fn split_port(host: &str) -> (&str, Option<&str>) {
    let name_end =
        if host.starts_with('[') { host.find(']').map_or(host.len(), |end| end + 1) } else { host.find(':').unwrap_or(host.len()) };
    let (name, rest) = host.split_at(name_end);
    (name, rest.strip_prefix(':'))
}

#[cfg(test)]
mod tests {
    use super::AllowedHosts;

    #[test]
    fn loopback_names_on_any_port_the_listen_address_and_added_names_are_allowed() {
        let hosts = AllowedHosts::new("0.0.0.0:8080".parse().unwrap(), &["Mesh.Internal".into(), "proxy.example:8443".into()]);
        for allowed in [
            "localhost",
            "localhost:9000",
            "127.0.0.1:8080",
            "[::1]",
            "[::1]:8080",
            "0.0.0.0:8080",
            "mesh.internal",
            "MESH.internal:80",
            "proxy.example:8443",
        ] {
            assert!(hosts.allows(allowed), "{allowed}");
        }
        for refused in [
            "evil.example",
            "evil.example:8080",
            "0.0.0.0:9090",
            "proxy.example",
            "proxy.example:80",
            "localhost.evil.example",
            "[::2]",
            "",
            "127.0.0.2",
        ] {
            assert!(!hosts.allows(refused), "{refused}");
        }
    }
}
