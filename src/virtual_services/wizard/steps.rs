//! The wizard's Name, Tags and Review steps (Provider is shared with Edit).

use super::state::{Step, TagDraft, WizardState};
use super::validate::{MAX_TAGS, check_tags};
use crate::components::field::TextField;
use crate::components::link::A;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn NameStep(
    name: RwSignal<String>,
    error: Signal<Option<String>>,
    warning: Signal<Option<String>>,
    touched: RwSignal<bool>,
    node_ref: NodeRef<html::Input>,
    /// The user left the field.
    on_leave: Callback<()>,
) -> impl IntoView {
    view! {
        <TextField
            id="virtual-service-name"
            label="Virtual service name"
            value=name
            node_ref=node_ref
            hint=mesh_engine::advice::SERVICE_NAME_RULES
            placeholder="my-service.default.svc.cluster.local"
            error=error
            warning=warning
            show_error=touched
            on_blur=on_leave
        />
    }
}

#[component]
pub fn TagsStep(tags: RwSignal<Vec<TagDraft>>, touched: RwSignal<bool>) -> impl IntoView {
    let checks = Memo::new(move |_| check_tags(&tags.get()));
    // Rows are rebuilt only when one is added or removed, so typing keeps the focus.
    let count = Memo::new(move |_| tags.with(Vec::len));
    view! {
        <p class="hint">{format!("Tags are optional: up to {MAX_TAGS} key-value pairs to organise and find your resources.")}</p>
        {move || {
            (0..count.get()).map(|index| {
                let number = index + 1;
                let key = RwSignal::new(tags.with_untracked(|tags| tags[index].key.clone()));
                let value = RwSignal::new(tags.with_untracked(|tags| tags[index].value.clone()));
                Effect::new(move |_| {
                    let (key, value) = (key.get(), value.get());
                    tags.update(|tags| if let Some(tag) = tags.get_mut(index) && (tag.key != key || tag.value != value) {
                        *tag = TagDraft { key, value };
                        touched.set(true);
                    });
                });
                view! {
                    <div class="tag-row">
                        <TextField id=format!("tag-key-{number}") label=format!("Key of tag {number}") value=key
                            error=Signal::derive(move || checks.get().get(index).and_then(|check| check.0.clone()))
                            show_error=touched />
                        <TextField id=format!("tag-value-{number}") label=format!("Value of tag {number}") value=value
                            error=Signal::derive(move || checks.get().get(index).and_then(|check| check.1.clone()))
                            show_error=touched />
                        <button type="button" class="button" aria-label=format!("Remove tag {number}")
                            on:click=move |_| tags.update(|tags| { tags.remove(index); })>"Remove"</button>
                    </div>
                }
            }).collect_view()
        }}
        <button type="button" class="button" disabled=move || { count.get() >= MAX_TAGS }
            on:click=move |_| tags.update(|tags| tags.push(TagDraft::default()))>"Add tag"</button>
    }
}

#[component]
pub fn ReviewStep(mesh: Memo<String>, state: Signal<WizardState>, edit_url: Callback<Step, String>) -> impl IntoView {
    let section = move |step: Step, body: AnyView| {
        view! {
            <section class="review-section" aria-labelledby=format!("review-{}", step.slug())>
                <header>
                    <h2 id=format!("review-{}", step.slug())>{step.title()}</h2>
                    <A href=move || edit_url.run(step) attr:aria-label=format!("Edit {}", step.title().to_ascii_lowercase())>"Edit"</A>
                </header>
                {body}
            </section>
        }
    };
    view! {
        {move || {
            let current = state.get();
            let provider = match current.provider.kind {
                None => "None".to_string(),
                Some(kind) => format!("{} {}", kind.title(), current.provider.target),
            };
            view! {
                {section(Step::Name, view! {
                    <dl class="details"><div><dt>"Virtual service name"</dt><dd>{current.name.clone()}</dd></div></dl>
                }.into_any())}
                {section(Step::Provider, view! {
                    <dl class="details"><div><dt>"Provider"</dt><dd>{provider}</dd></div></dl>
                }.into_any())}
                {section(Step::Tags, if current.tags.is_empty() {
                    view! { <p>"No tags"</p> }.into_any()
                } else {
                    view! {
                        <dl class="details">
                            {current.tags.iter().map(|tag| view! { <div><dt>{tag.key.clone()}</dt><dd>{tag.value.clone()}</dd></div> }).collect_view()}
                        </dl>
                    }.into_any()
                })}
                <section class="review-section">
                    <h2>"The same with the AWS CLI"</h2>
                    <pre class="command"><code>{current.cli_command(&mesh.get())}</code></pre>
                </section>
            }
        }}
    }
}
