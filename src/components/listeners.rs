//! Listener rows (port and protocol) of a virtual node or router form.

use super::field::TextField;
use leptos::prelude::*;
use mesh_engine::names::PortNumber;
use mesh_engine::spec::{PortMapping, PortProtocol};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListenerDraft {
    pub port: String,
    pub protocol: PortProtocol,
}

impl ListenerDraft {
    pub fn port_mapping(&self) -> Option<PortMapping> {
        Some(PortMapping { port: PortNumber::new(self.port.trim().parse().ok()?).ok()?, protocol: self.protocol })
    }
}

impl Default for ListenerDraft {
    fn default() -> Self {
        Self { port: "8080".into(), protocol: PortProtocol::Http }
    }
}

pub fn check_port(port: &str) -> Option<String> {
    match port.trim().parse::<i64>() {
        Ok(value) if PortNumber::new(value).is_ok() => None,
        _ => Some("Enter a port from 1 to 65535.".into()),
    }
}

/// Every row, its port checked live.
#[component]
pub fn ListenerRows(listeners: RwSignal<Vec<ListenerDraft>>, #[prop(into)] show_errors: Signal<bool>) -> impl IntoView {
    let count = Memo::new(move |_| listeners.with(Vec::len));
    view! {
        <div class="field">
            <fieldset>
                <legend>"Listeners"</legend>
                <p class="hint">"The ports and protocols it takes traffic on."</p>
                {move || (0..count.get()).map(|index| {
                    let number = index + 1;
                    let port = RwSignal::new(listeners.with_untracked(|rows| rows[index].port.clone()));
                    Effect::new(move |_| {
                        let port = port.get();
                        listeners.update(|rows| if let Some(row) = rows.get_mut(index) && row.port != port { row.port = port; });
                    });
                    let protocol_id = format!("listener-protocol-{number}");
                    view! {
                        <div class="tag-row">
                            <TextField id=format!("listener-port-{number}") label=format!("Port of listener {number}") value=port
                                error=Signal::derive(move || check_port(&port.get())) show_error=show_errors />
                            <div class="field">
                                <label for=protocol_id.clone()>{format!("Protocol of listener {number}")}</label>
                                <select id=protocol_id on:change:target=move |event| {
                                    let chosen = PortProtocol::ALL.iter().copied().find(|p| p.as_str() == event.target().value());
                                    if let Some(chosen) = chosen {
                                        listeners.update(|rows| rows[index].protocol = chosen);
                                    }
                                }>
                                    {PortProtocol::ALL.iter().map(|protocol| {
                                        let selected = listeners.with_untracked(|rows| rows[index].protocol == *protocol);
                                        view! { <option value=protocol.as_str() selected=selected>{protocol.as_str()}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                            <button type="button" class="button" aria-label=format!("Remove listener {number}")
                                on:click=move |_| listeners.update(|rows| { rows.remove(index); })>"Remove"</button>
                        </div>
                    }
                }).collect_view()}
                <button type="button" class="button" on:click=move |_| listeners.update(|rows| rows.push(ListenerDraft::default()))>"Add listener"</button>
            </fieldset>
        </div>
    }
}
