//! The console's first page drawn by the companion server, so that a visit shows its rows
//! while the console's code is still on its way. The server reads what the page's first views
//! read ([`reads`]) through its own API, as the caller, and this draws the very components the
//! browser runs with those answers ([`render`]). The console then takes over (`takeover`).

use crate::api::Storage;
use crate::api::appmesh::AppMeshBackend;
pub use crate::api::appmesh::IDENTITY_URL;
use crate::api::loaded::Answer;
pub use crate::api::transport::Reply;
use gloo_net::http::Method;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use std::cell::{Cell, RefCell};
use std::future::{IntoFuture, ready};
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

thread_local! {
    /// The answers of the render under way on this thread, by URL.
    static ANSWERS: RefCell<Option<Vec<(String, Reply)>>> = const { RefCell::new(None) };
    /// Whether a view of that render asked something it had no answer for.
    static UNANSWERED: Cell<bool> = const { Cell::new(false) };
}

/// The GETs the page at `path` (an app path, its query apart) starts with, when it is a mesh's
/// list page (the only pages drawn first: what they read is known before any answer): who the
/// caller is, then what `storage::start` asks early. None for any other page.
pub fn reads(path: &str) -> Option<Vec<String>> {
    crate::storage::start::list_read(path)?;
    Some(std::iter::once(IDENTITY_URL.to_owned()).chain(crate::storage::start::first_reads(path)).collect())
}

/// The console at `path_and_query` as HTML, each GET answered from `answers` (one of
/// [`reads`] each). None when a view asked something else (the next page of a long list, a
/// shared mesh by its owner): it would show that it is loading, and the console draws better.
pub fn render(path_and_query: &str, answers: Vec<(String, Reply)>) -> Option<String> {
    let answering = Answering::with(answers);
    let html = Owner::new().with(|| {
        provide_context(RequestUrl::new(path_and_query));
        view! { <crate::Console backend=AppMeshBackend::new(Storage::Server) account=None /> }.to_html()
    });
    answering.all_answered().then_some(html)
}

/// The answers of a render, given to its thread for as long as it lasts (a panic included).
struct Answering;

impl Answering {
    fn with(answers: Vec<(String, Reply)>) -> Self {
        ANSWERS.set(Some(answers));
        UNANSWERED.set(false);
        Self
    }

    fn all_answered(&self) -> bool {
        !UNANSWERED.get()
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

/// The answer to a GET of `url` given to the render; any other call never answers (and the
/// render is then not used).
pub async fn reply(method: &Method, url: &str) -> Reply {
    let answer = (*method == Method::GET)
        .then(|| ANSWERS.with_borrow(|answers| answers.as_ref()?.iter().find(|(asked, _)| asked == url).map(|(_, reply)| reply.clone())))
        .flatten();
    match answer {
        Some(reply) => reply,
        None => {
            UNANSWERED.set(true);
            std::future::pending().await
        }
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
