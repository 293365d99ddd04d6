//! The options of a select that picks a resource by name: the names once loaded, and the
//! current choice, marked, when it no longer exists.

use leptos::prelude::*;

#[component]
pub fn NameOptions(
    /// `None` while loading.
    names: Option<Vec<String>>,
    current: String,
    /// "virtual node"
    noun: &'static str,
) -> impl IntoView {
    match names {
        None => view! { <option value="">"Loading…"</option> }.into_any(),
        Some(names) if names.is_empty() => view! { <option value="">{format!("No {noun}s in this mesh")}</option> }.into_any(),
        Some(names) => {
            let missing = (!current.is_empty() && !names.contains(&current)).then(|| current.clone());
            view! {
                <option value="" selected=current.is_empty()>{format!("Choose a {noun}")}</option>
                {missing.map(|name| view! { <option value=name.clone() selected=true>{format!("{name} (no longer exists)")}</option> })}
                {names.into_iter().map(|name| {
                    let selected = name == current;
                    view! { <option value=name.clone() selected=selected>{name.clone()}</option> }
                }).collect_view()}
            }
            .into_any()
        }
    }
}
