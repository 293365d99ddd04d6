//! The console's first page drawn by the companion server, so that a visit shows its rows
//! while the console's code is still on its way. The server reads what the page's first views
//! read ([`reads`]) through its own API, as the caller, and this draws the very components the
//! browser runs with those answers ([`render`]). The console then takes over (`takeover`).

use crate::api::Storage;
use crate::api::appmesh::{AppMeshBackend, IDENTITY_URL};
use crate::api::loaded::Answer;
pub use crate::api::transport::Reply;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use std::cell::RefCell;
use std::future::{IntoFuture, ready};
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

thread_local! {
    /// The answers of the render under way on this thread, by URL.
    static ANSWERS: RefCell<Option<Vec<(String, Reply)>>> = const { RefCell::new(None) };
}

/// The GETs the page at `path` (an app path, its query apart) starts with: who the caller is,
/// and what `storage::start` asks early. Only a mesh's list pages are drawn first (their reads
/// are known before any answer): for any other page, none.
pub fn reads(path: &str) -> Vec<String> {
    let first = crate::storage::start::first_reads(path);
    if first.len() < 2 {
        return Vec::new();
    }
    std::iter::once(IDENTITY_URL.to_owned()).chain(first).collect()
}

/// The console at `path_and_query` as HTML, each GET answered from `answers` (one of
/// [`reads`] each); a view whose call has no answer shows that it is loading.
pub fn render(path_and_query: &str, answers: Vec<(String, Reply)>) -> String {
    let _answering = Answering::with(answers);
    Owner::new().with(|| {
        provide_context(RequestUrl::new(path_and_query));
        view! { <crate::Console backend=AppMeshBackend::new(Storage::Server) account=None /> }.to_html()
    })
}

/// The answers of a render, given to its thread for as long as it lasts (a panic included).
struct Answering;

impl Answering {
    fn with(answers: Vec<(String, Reply)>) -> Self {
        ANSWERS.set(Some(answers));
        Self
    }
}

impl Drop for Answering {
    fn drop(&mut self) {
        ANSWERS.set(None);
    }
}

/// Whether a render is under way on this thread: requests are then answered by [`reply`].
pub fn rendering() -> bool {
    ANSWERS.with_borrow(Option::is_some)
}

/// The answer to a GET of `url` given to the render; a call with none never answers.
pub async fn reply(url: &str) -> Reply {
    let answer = ANSWERS.with_borrow(|answers| {
        let (_, reply) = answers.as_ref()?.iter().find(|(asked, _)| asked == url)?;
        Some(Reply { status: reply.status, body: reply.body.clone(), error_type: reply.error_type.clone() })
    });
    match answer {
        Some(reply) => reply,
        None => std::future::pending().await,
    }
}

/// A call's answer as the server's render holds it: settled when the view is built (its
/// answers are at hand, so one poll gets it), or never.
#[derive(Clone, Copy)]
pub struct Settled(StoredValue<Option<Answer>, LocalStorage>);

impl Settled {
    pub fn new(mut call: Pin<Box<dyn Future<Output = Answer>>>) -> Self {
        let answer = match call.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(answer) => Some(answer),
            Poll::Pending => None,
        };
        Self(StoredValue::new_local(answer))
    }

    pub fn with<U>(&self, read: impl FnOnce(&Option<Answer>) -> U) -> U {
        self.0.with_value(read)
    }

    /// A page drawn once is never fetched again.
    pub fn refetch(&self) {}
}

impl IntoFuture for Settled {
    type Output = Answer;
    type IntoFuture = Pin<Box<dyn Future<Output = Answer>>>;

    fn into_future(self) -> Self::IntoFuture {
        match self.0.get_value() {
            Some(answer) => Box::pin(ready(answer)),
            None => Box::pin(std::future::pending()),
        }
    }
}
