//! Tags: rows of key and value as the user edits them in the create wizard, checked by the
//! engine's rules, and the table a details page shows.

use super::field::TextField;
use leptos::prelude::*;
use mesh_engine::advice;
use mesh_engine::input::TagList;
use mesh_engine::names::{TagKey, TagValue};
use mesh_engine::resource::TagRef;

/// How many tags App Mesh takes on one resource.
pub const MAX_TAGS: usize = TagList::MAX;

/// A tag row as typed, valid or not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TagDraft {
    pub key: String,
    pub value: String,
}

/// What is wrong with each tag row: (key, value).
pub fn check_tags(tags: &[TagDraft]) -> Vec<(Option<String>, Option<String>)> {
    let rows: Vec<(&str, &str)> = tags.iter().map(|tag| (tag.key.as_str(), tag.value.as_str())).collect();
    advice::check_tag_rows(&rows)
        .into_iter()
        .map(|check| (check.key.map(|problem| problem.to_string()), check.value.map(|problem| problem.to_string())))
        .collect()
}

/// The id of the first field in error, if any: where a submit puts the focus.
pub fn first_bad_tag_field(tags: &[TagDraft]) -> Option<String> {
    let checks = check_tags(tags);
    let index = checks.iter().position(|(key, value)| key.is_some() || value.is_some())?;
    let field = if checks[index].0.is_some() { "key" } else { "value" };
    Some(format!("tag-{field}-{}", index + 1))
}

/// The tags App Mesh takes, once every row is valid.
pub fn tag_refs(tags: &[TagDraft]) -> Option<Vec<TagRef>> {
    tags.iter()
        .map(|tag| Some(TagRef { key: TagKey::parse(tag.key.clone()).ok()?, value: TagValue::parse(tag.value.clone()).ok()? }))
        .collect()
}

/// The rows, each with Remove, and Add tag (which focuses the new key).
#[component]
pub fn TagRows(tags: RwSignal<Vec<TagDraft>>, touched: RwSignal<bool>) -> impl IntoView {
    let checks = Memo::new(move |_| check_tags(&tags.get()));
    // Rows are rebuilt only when one is added or removed, so typing keeps the focus.
    let count = Memo::new(move |_| tags.with(Vec::len));
    let add = move |_| {
        tags.update(|tags| tags.push(TagDraft::default()));
        crate::web::focus_when_shown(format!("tag-key-{}", count.get_untracked()));
    };
    view! {
        <p class="hint">{format!("Up to {MAX_TAGS} key-value pairs to organise and find your resources. Keys must not start with aws:.")}</p>
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
        <button type="button" id="add-tag" class="button" disabled=move || { count.get() >= MAX_TAGS } on:click=add>"Add tag"</button>
    }
}

/// A details page's tags.
#[component]
pub fn TagTable(tags: Vec<TagRef>) -> impl IntoView {
    if tags.is_empty() {
        return view! { <p>"No tags"</p> }.into_any();
    }
    view! {
        <table class="table">
            <caption class="visually-hidden">"Tags"</caption>
            <thead><tr><th scope="col">"Key"</th><th scope="col">"Value"</th></tr></thead>
            <tbody>{tags.into_iter().map(|tag| view! { <tr><td>{tag.key.to_string()}</td><td>{tag.value.to_string()}</td></tr> }).collect_view()}</tbody>
        </table>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_rows_are_checked_one_by_one() {
        let tags = vec![
            TagDraft { key: "team".into(), value: "a".into() },
            TagDraft { key: "".into(), value: "".into() },
            TagDraft { key: "team".into(), value: "v".repeat(257) },
        ];
        let checks = check_tags(&tags);
        assert_eq!(checks[0], (None, None));
        assert_eq!(checks[1].0.as_deref(), Some("Enter a key."));
        assert_eq!(checks[2].0.as_deref(), Some("The key team is already used above."));
        assert!(checks[2].1.as_deref().unwrap().contains("256"));
        assert_eq!(first_bad_tag_field(&tags).as_deref(), Some("tag-key-2"));
        assert_eq!(tag_refs(&tags), None);
    }

    #[test]
    fn a_reserved_key_is_refused_by_the_engine() {
        let tags = [TagDraft { key: "aws:owner".into(), value: "x".into() }];
        assert!(check_tags(&tags)[0].0.as_deref().unwrap().contains("aws:"));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_tag_rows_get_an_answer_each(rows in proptest::collection::vec((".*", ".*"), 0..6)) {
            let tags: Vec<TagDraft> = rows.into_iter().map(|(key, value)| TagDraft { key, value }).collect();
            prop_assert_eq!(check_tags(&tags).len(), tags.len());
        }

    }
}
