//! `/settings`: where the console stores data, and moving all of it in or out as a file.

use super::{preference, transfer};
use crate::api::{Backend, Storage, use_backend, use_data_changed};
use crate::components::notice::Notices;
use crate::web;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Settings() -> impl IntoView {
    let storage = use_backend().storage();
    let place = place(storage);
    let error = RwSignal::new(None::<String>);
    let actions = StoreActions::new(error);
    let chosen = match preference::chosen() {
        None => "decided at each start: the server when one answers, else this browser",
        Some(Storage::Server) => "on the server",
        Some(Storage::Browser) => "in this browser",
    };
    let choose = move |storage: Option<Storage>| error.set(preference::switch_to(storage).err());
    let notices = expect_context::<Notices>();
    let changed = use_data_changed();
    let import = move |_| {
        let question = format!("Replace everything stored {place} with the chosen file?");
        actions.run(move |backend| {
            Box::pin(async move {
                // Nothing was sent: the reason is the file's, said as it is.
                let text = match transfer::read_chosen_file("import-file").await {
                    Ok(text) => text,
                    Err(reason) => {
                        error.set(Some(reason));
                        return Ok(());
                    }
                };
                if !web::confirm_action(&question) {
                    return Ok(());
                }
                backend.import_store(text).await?;
                changed.notify();
                notices.show(format!("The file was imported: it is now everything stored {place}."));
                Ok(())
            })
        })
    };
    view! {
        <section class="page">
            <h1>"Settings"</h1>
            {error_alert(error)}
            <h2>"Storage"</h2>
            <p>"This console is working with data " <strong>{place}</strong> ". Where to store data is " {chosen} "."</p>
            <div class="actions">
                <button type="button" class="button" on:click=move |_| choose(Some(Storage::Server))>"Store on the server"</button>
                <button type="button" class="button" on:click=move |_| choose(Some(Storage::Browser))>"Store in this browser"</button>
                <button type="button" class="button" on:click=move |_| choose(None)>"Decide at each start"</button>
            </div>
            <h2>"Export and import"</h2>
            <p>"Export saves everything stored " {place} " as one JSON file. Import checks a whole file first, then replaces everything stored " {place} " with it; a file with any error changes nothing."</p>
            <p><button type="button" class="button" on:click=move |_| actions.export()>"Export"</button></p>
            <div class="field">
                <label for="import-file">"File to import"</label>
                <input type="file" id="import-file" accept=".json,application/json" />
            </div>
            <button type="button" class="button button-primary" on:click=import>"Import"</button>
            {(storage == Storage::Browser).then(|| view! { <h2>"Reset"</h2> <ResetButton actions=actions /> })}
        </section>
    }
}

fn place(storage: Storage) -> &'static str {
    match storage {
        Storage::Server => "on the server",
        Storage::Browser => "in this browser",
    }
}

pub fn error_alert(error: RwSignal<Option<String>>) -> impl IntoView {
    move || error.get().map(|message| view! { <div class="alert alert-error" role="alert"><p>{message}</p></div> })
}

/// Export and reset, shared by this page and the storage problem page; a failure shows in
/// the page's error alert.
#[derive(Clone, Copy)]
pub struct StoreActions {
    backend: StoredValue<Arc<dyn Backend>>,
    error: RwSignal<Option<String>>,
}

impl StoreActions {
    pub fn new(error: RwSignal<Option<String>>) -> Self {
        Self { backend: StoredValue::new(use_backend()), error }
    }

    fn run(self, action: impl FnOnce(Arc<dyn Backend>) -> crate::api::Call<()>) {
        self.error.set(None);
        let call = action(self.backend.get_value());
        leptos::task::spawn_local(async move {
            if let Err(failure) = call.await {
                self.error.set(Some(failure.to_string()));
            }
        });
    }

    /// Downloads everything stored as one JSON file.
    pub fn export(self) {
        self.run(|backend| {
            let text = backend.export_store();
            Box::pin(async move {
                transfer::download(&text.await?);
                Ok(())
            })
        });
    }
}

/// Erases the browser store once the user confirms, and starts again.
#[component]
pub fn ResetButton(actions: StoreActions) -> impl IntoView {
    let reset = move |_| {
        if web::confirm_action("Erase everything stored in this browser? This cannot be undone.") {
            actions.run(|backend| {
                let reset = backend.reset_store();
                Box::pin(async move {
                    reset.await?;
                    preference::restart();
                    Ok(())
                })
            });
        }
    };
    view! { <p><button type="button" class="button button-danger" on:click=reset>"Reset browser storage"</button></p> }
}
