//! The page shown instead of the console when browser storage cannot be used: what is
//! wrong, and the ways out (keep the data as a file, reset it, or use the server). Nothing
//! is overwritten from here without the user's say.

use super::preference;
use super::settings::{ResetButton, StoreActions, error_alert};
use crate::api::Storage;
use crate::api::appmesh::AppMeshBackend;
use leptos::prelude::*;

#[component]
pub fn StorageProblem(message: String, backend: Option<AppMeshBackend>) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let use_server = move |_| error.set(preference::switch_to(Some(Storage::Server)).err());
    let actions = backend.map(|backend| {
        crate::api::provide_backend(backend);
        let actions = StoreActions::new(error);
        view! {
            <h2>"Keep a copy, or start again"</h2>
            <p>"Export saves the data exactly as it is stored."</p>
            <p><button type="button" class="button" on:click=move |_| actions.export()>"Export stored data"</button></p>
            <ResetButton actions=actions />
        }
    });
    view! {
        <header class="top-bar"><span class="brand">"Mesh Console"</span><span class="storage-indicator">{Storage::Browser.label()}</span></header>
        <main id="main" class="content">
            <section class="page">
                <h1>"The data stored in this browser cannot be used"</h1>
                <div class="alert alert-error" role="alert"><p>{message}</p></div>
                {error_alert(error)}
                {actions}
                <h2>"Use the server instead"</h2>
                <p>"Work with the companion server, if one serves this console; the data here stays as it is."</p>
                <button type="button" class="button" on:click=use_server>"Use the server"</button>
            </section>
        </main>
    }
}
