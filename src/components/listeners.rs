//! Listener rows (port and protocol) of a virtual node, router or gateway form, and how they
//! are read from and written into a spec held as JSON: every other member of a listener
//! (health check, TLS, connection pool) stays as it came.

use super::field::TextField;
use super::select_field::SelectField;
use leptos::prelude::*;
use mesh_engine::names::PortNumber;
use mesh_engine::spec::{PortMapping, PortProtocol};
use serde_json::{Value, json};

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

/// The listeners of a spec, as the form edits them.
pub fn listener_drafts(spec: &Value) -> Vec<ListenerDraft> {
    spec.get("listeners")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|listener| {
            let mapping = &listener["portMapping"];
            let protocol = mapping["protocol"].as_str().and_then(|text| PortProtocol::ALL.iter().copied().find(|p| p.as_str() == text));
            ListenerDraft {
                port: mapping["port"].as_i64().map(|port| port.to_string()).unwrap_or_default(),
                protocol: protocol.unwrap_or(PortProtocol::Http),
            }
        })
        .collect()
}

/// The listeners of `base` with the drafts' ports and protocols, the n-th draft keeping the
/// other members of the n-th listener; `None` while a port is wrong.
pub fn apply_listeners(drafts: &[ListenerDraft], base: &Value) -> Option<Vec<Value>> {
    let old: &[Value] = base.get("listeners").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    drafts
        .iter()
        .enumerate()
        .map(|(index, draft)| {
            let mapping = draft.port_mapping()?;
            let mut listener = old.get(index).and_then(Value::as_object).cloned().unwrap_or_default();
            listener.insert("portMapping".into(), json!({ "port": mapping.port.get(), "protocol": mapping.protocol.as_str() }));
            Some(Value::Object(listener))
        })
        .collect()
}

pub fn check_port(port: &str) -> Option<String> {
    match port.trim().parse::<i64>() {
        Ok(value) if PortNumber::new(value).is_ok() => None,
        _ => Some("Enter a port from 1 to 65535.".into()),
    }
}

/// Every row, its port checked live; the protocols offered are `protocols` (a virtual
/// gateway takes no `tcp`).
#[component]
pub fn ListenerRows(
    listeners: RwSignal<Vec<ListenerDraft>>,
    #[prop(into)] show_errors: Signal<bool>,
    #[prop(default = PortProtocol::ALL)] protocols: &'static [PortProtocol],
) -> impl IntoView {
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
                    view! {
                        <div class="tag-row">
                            <TextField id=format!("listener-port-{number}") label=format!("Port of listener {number}") value=port
                                error=Signal::derive(move || check_port(&port.get())) show_error=show_errors />
                            <SelectField id=format!("listener-protocol-{number}") label=format!("Protocol of listener {number}")
                                options=protocols.iter().map(|protocol| (protocol.as_str().to_string(), protocol.as_str().to_string())).collect()
                                selected=listeners.with_untracked(|rows| rows[index].protocol.as_str())
                                on_change=Callback::new(move |value: String| {
                                    if let Some(chosen) = protocols.iter().copied().find(|protocol| protocol.as_str() == value) {
                                        listeners.update(|rows| rows[index].protocol = chosen);
                                    }
                                }) />
                            <button type="button" class="button" aria-label=format!("Remove listener {number}")
                                on:click=move |_| listeners.update(|rows| { rows.remove(index); })>"Remove"</button>
                        </div>
                    }
                }).collect_view()}
                <button type="button" id="add-listener" class="button" on:click=move |_| listeners.update(|rows| rows.push(ListenerDraft::default()))>"Add listener"</button>
            </fieldset>
        </div>
    }
}
