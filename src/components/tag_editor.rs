//! A details page's tags, and their editor: the rows the create wizard has, checked by the
//! engine's rules, saved as App Mesh saves tags (TagResource for what is new or changed,
//! UntagResource for what was removed).

use super::error_alert::error_alert;
use super::submission::{Done, Submission};
use super::tags::{TagDraft, TagRows, TagTable, first_bad_tag_field, tag_refs};
use crate::api::{BackendError, use_backend, use_data_changed};
use leptos::prelude::*;
use mesh_engine::names::TagKey;
use mesh_engine::resource::TagRef;

/// What saving `wanted` over `current` takes: the tags to set (new, or with another value)
/// and the keys to remove.
pub fn tag_changes(current: &[TagRef], wanted: &[TagRef]) -> (Vec<TagRef>, Vec<TagKey>) {
    let set = wanted.iter().filter(|tag| !current.contains(tag)).cloned().collect();
    let removed = current.iter().filter(|tag| !wanted.iter().any(|kept| kept.key == tag.key)).map(|tag| tag.key.clone()).collect();
    (set, removed)
}

#[component]
pub fn TagEditor(arn: String, tags: Vec<TagRef>) -> impl IntoView {
    let backend = use_backend();
    let changed = use_data_changed();
    let editing = RwSignal::new(false);
    let drafts = RwSignal::new(Vec::<TagDraft>::new());
    let touched = RwSignal::new(false);
    let save = Submission::new();
    let current = StoredValue::new(tags.clone());
    let start = move |_| {
        drafts
            .set(current.get_value().into_iter().map(|tag| TagDraft { key: tag.key.to_string(), value: tag.value.to_string() }).collect());
        touched.set(false);
        editing.set(true);
        let first = if current.with_value(Vec::is_empty) { "add-tag" } else { "tag-key-1" };
        crate::web::focus_when_shown(first.to_string());
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        touched.set(true);
        let rows = drafts.get_untracked();
        if let Some(id) = first_bad_tag_field(&rows) {
            return crate::web::focus_by_id(&id);
        }
        let Some(wanted) = tag_refs(&rows) else { return };
        let (set, removed) = tag_changes(&current.get_value(), &wanted);
        let untag = (!removed.is_empty()).then(|| backend.untag_resource(arn.clone(), removed));
        let tag = (!set.is_empty()).then(|| backend.tag_resource(arn.clone(), set));
        save.run(Box::pin(async move {
            if let Some(untag) = untag {
                untag.await?;
            }
            if let Some(tag) = tag {
                tag.await?;
            }
            editing.set(false);
            changed.notify();
            Ok::<_, BackendError>(Done { notice: "Tags saved.".into(), go_to: String::new() })
        }));
    };
    view! {
        <div class="section-header">
            <h2>"Tags"</h2>
            {move || (!editing.get()).then(|| view! { <button type="button" class="button" on:click=start>"Edit tags"</button> })}
        </div>
        {move || if editing.get() {
            view! {
                <form class="tag-editor" novalidate on:submit=submit.clone()>
                    {error_alert("The tags were not saved:", save.error())}
                    <TagRows tags=drafts touched=touched />
                    <div class="actions">
                        <button type="button" class="button" on:click=move |_| editing.set(false)>"Cancel"</button>
                        <button type="submit" class="button button-primary" disabled=move || save.pending().get()>"Save tags"</button>
                    </div>
                </form>
            }.into_any()
        } else {
            view! { <TagTable tags=current.get_value() /> }.into_any()
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mesh_engine::names::TagValue;

    fn tag(key: &str, value: &str) -> TagRef {
        TagRef { key: TagKey::parse(key).unwrap(), value: TagValue::parse(value).unwrap() }
    }

    #[test]
    fn a_save_sets_what_is_new_or_changed_and_removes_what_is_gone() {
        let current = [tag("team", "a"), tag("env", "dev"), tag("old", "x")];
        let wanted = [tag("team", "a"), tag("env", "prod"), tag("new", "y")];
        let (set, removed) = tag_changes(&current, &wanted);
        assert_eq!(set, [tag("env", "prod"), tag("new", "y")]);
        assert_eq!(removed, [TagKey::parse("old").unwrap()]);
        assert_eq!(tag_changes(&current, &current), (vec![], vec![]), "nothing to send");
    }
}
