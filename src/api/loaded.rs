//! A backend call's answer as a reactive value. Every [`Loaded`] is the same `LocalResource`
//! underneath, its answer held as `Rc<dyn Any>`: the reactive machinery (about 2.5 KB of wasm
//! for each type of answer) is compiled once, and the typed face costs a downcast. On the
//! server, which draws a page once with answers already in hand, it is a settled value instead
//! (`prerender::Settled`).

#[cfg(not(feature = "ssr"))]
use super::use_data_changed;
use super::{BackendError, Call};
#[cfg(not(feature = "ssr"))]
use leptos::prelude::*;
use std::any::Any;
#[cfg(not(feature = "ssr"))]
use std::cell::Cell;
use std::future::IntoFuture;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;

pub(crate) type Answer = Result<Rc<dyn Any>, BackendError>;

/// What holds the answer: a resource in the browser, a value settled once on the server.
#[cfg(not(feature = "ssr"))]
type Holder = LocalResource<Answer>;
#[cfg(feature = "ssr")]
type Holder = crate::prerender::Settled;

/// The answer of a call, `None` while the first one is on its way.
pub struct Loaded<T> {
    resource: Holder,
    answer: PhantomData<fn() -> T>,
}

impl<T> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Loaded<T> {}

/// A resource fed by a backend call, fetched again whenever the stored data changed elsewhere.
pub fn load<T: 'static>(fetch: impl Fn() -> Call<T> + 'static) -> Loaded<T> {
    load_following(true, fetch)
}

/// [`load`], fetched again on a change made elsewhere only when `follow`. A form seeded from
/// what it loads does not follow: another tab's change must not replace what the user is
/// typing (saving it then meets the engine's rules, as any write does).
pub fn load_following<T: 'static>(follow: bool, fetch: impl Fn() -> Call<T> + 'static) -> Loaded<T> {
    let erased = move || -> Call<Rc<dyn Any>> {
        let call = fetch();
        Box::pin(async move { call.await.map(|answer| Rc::new(answer) as Rc<dyn Any>) })
    };
    Loaded { resource: resource_of(follow, Box::new(erased)), answer: PhantomData }
}

#[cfg(not(feature = "ssr"))]
thread_local! {
    static AWAITED: Cell<usize> = const { Cell::new(0) };
}

/// How many resources are still waiting for their first answer: a page drawn by the server
/// stays until the console's own has them (`takeover`).
#[cfg(not(feature = "ssr"))]
pub fn first_answers_awaited() -> usize {
    AWAITED.get()
}

/// A resource's wait for its first answer, counted in `AWAITED` until the answer comes or the
/// resource is dropped unanswered.
#[cfg(not(feature = "ssr"))]
struct FirstAnswer {
    came: Cell<bool>,
}

#[cfg(not(feature = "ssr"))]
impl FirstAnswer {
    fn awaited() -> Rc<Self> {
        AWAITED.set(AWAITED.get() + 1);
        Rc::new(Self { came: Cell::new(false) })
    }

    fn came(&self) {
        if !self.came.replace(true) {
            AWAITED.set(AWAITED.get() - 1);
        }
    }
}

#[cfg(not(feature = "ssr"))]
impl Drop for FirstAnswer {
    fn drop(&mut self) {
        self.came();
    }
}

/// The one resource type, over a boxed fetch.
#[cfg(not(feature = "ssr"))]
fn resource_of(follow: bool, fetch: Box<dyn Fn() -> Call<Rc<dyn Any>>>) -> Holder {
    let changed = use_data_changed();
    let first_answer = FirstAnswer::awaited();
    LocalResource::new(move || {
        if follow {
            changed.track();
        }
        let (call, first_answer) = (fetch(), first_answer.clone());
        async move {
            let answer = call.await;
            first_answer.came();
            answer
        }
    })
}

#[cfg(feature = "ssr")]
fn resource_of(_follow: bool, fetch: Box<dyn Fn() -> Call<Rc<dyn Any>>>) -> Holder {
    crate::prerender::Settled::new(fetch())
}

impl<T: Clone + 'static> Loaded<T> {
    /// The answer, tracked.
    pub fn get(&self) -> Option<Result<T, BackendError>> {
        self.resource.with(|answer| answer.as_ref().map(typed))
    }
}

/// Awaiting a `Loaded` gives its answer once it has come.
impl<T: Clone + 'static> IntoFuture for Loaded<T> {
    type Output = Result<T, BackendError>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output>>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move { typed(&self.resource.await) })
    }
}

impl<T> Loaded<T> {
    pub fn refetch(&self) {
        self.resource.refetch();
    }
}

fn typed<T: Clone + 'static>(answer: &Answer) -> Result<T, BackendError> {
    match answer {
        Ok(value) => Ok(value.downcast_ref::<T>().expect("a Loaded<T> holds a T").clone()),
        Err(error) => Err(error.clone()),
    }
}
