//! Console sessions: a random 256-bit token in an HttpOnly cookie, and on the server the
//! account it acts as. Only the token's SHA-256 is kept, so a lookup's timing says nothing of
//! the tokens held, and the map holds nothing a reader of memory could replay.

use mesh_engine::names::AccountId;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A session lasts a working day; then the console signs in again.
pub const SESSION_LIFETIME: Duration = Duration::from_secs(12 * 60 * 60);

/// The cookie's name. Not `__Host-`: that prefix needs `Secure`, which plain-HTTP loopback
/// cannot have.
pub const COOKIE: &str = "mesh-console-session";

#[derive(Default)]
pub struct Sessions {
    by_token_hash: Mutex<HashMap<[u8; 32], Session>>,
}

struct Session {
    account: AccountId,
    ends: Instant,
}

impl Sessions {
    /// A new session for `account`: its token, for the cookie.
    pub fn start(&self, account: AccountId) -> Result<String, String> {
        let mut token = [0u8; 32];
        getrandom::fill(&mut token).map_err(|error| format!("no random source for a session token: {error}"))?;
        let token = hex::encode(token);
        let now = Instant::now();
        let mut sessions = self.by_token_hash.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        sessions.retain(|_, session| session.ends > now);
        sessions.insert(hash(&token), Session { account, ends: now + SESSION_LIFETIME });
        Ok(token)
    }

    /// The account of a session that has not ended.
    pub fn account(&self, token: &str) -> Option<AccountId> {
        let sessions = self.by_token_hash.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        sessions.get(&hash(token)).filter(|session| session.ends > Instant::now()).map(|session| session.account.clone())
    }

    pub fn end(&self, token: &str) {
        self.by_token_hash.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).remove(&hash(token));
    }
}

fn hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// The session token a request's cookies carry, if any.
pub fn token(headers: &axum::http::HeaderMap) -> Option<&str> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, token)| token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_acts_as_its_account_until_it_ends() {
        let sessions = Sessions::default();
        let account = AccountId::parse("111111111111").unwrap();
        let token = sessions.start(account.clone()).unwrap();
        assert_eq!(token.len(), 64, "256 bits, in hex");
        assert_ne!(sessions.start(account.clone()).unwrap(), token, "every token is new");
        assert_eq!(sessions.account(&token), Some(account));
        assert_eq!(sessions.account("0".repeat(64).as_str()), None);
        sessions.end(&token);
        assert_eq!(sessions.account(&token), None);
    }

    #[test]
    fn the_token_is_read_from_among_other_cookies() {
        let mut headers = axum::http::HeaderMap::new();
        headers.insert(axum::http::header::COOKIE, "theme=dark; mesh-console-session=abc; other=1".parse().unwrap());
        assert_eq!(token(&headers), Some("abc"));
        headers.insert(axum::http::header::COOKIE, "theme=dark".parse().unwrap());
        assert_eq!(token(&headers), None);
    }
}
