//! Radio groups and checkboxes, labelled. Not generic: every choice of the console is one of
//! these two components.

use leptos::prelude::*;

/// One radio button of a [`RadioGroup`].
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub value: String,
    pub label: String,
    /// Said after the label.
    pub hint: Option<String>,
}

impl Choice {
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        Self { value: value.into(), label: label.into(), hint: None }
    }

    pub fn with_hint(self, hint: impl Into<String>) -> Self {
        Self { hint: Some(hint.into()), ..self }
    }
}

/// A fieldset of radio buttons named `name`, each with the id `{name}-{value}`.
#[component]
pub fn RadioGroup(
    name: &'static str,
    #[prop(into)] legend: String,
    choices: Vec<Choice>,
    #[prop(into)] selected: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="field">
            <fieldset>
                <legend>{legend}</legend>
                {hint.map(|hint| view! { <p class="hint">{hint}</p> })}
                {choices.into_iter().map(|choice| {
                    let id = format!("{name}-{}", choice.value);
                    let (checked, value) = (choice.value.clone(), choice.value);
                    view! {
                        <div class="radio">
                            <input type="radio" name=name id=id.clone() prop:checked=move || selected.with(|now| *now == checked)
                                on:change=move |_| on_change.run(value.clone()) />
                            <label for=id>{choice.label}</label>
                            {choice.hint.map(|hint| view! { <span class="hint">{hint}</span> })}
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </div>
    }
}

#[component]
pub fn Checkbox(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] checked: Signal<bool>,
    #[prop(into)] on_change: Callback<bool>,
) -> impl IntoView {
    view! {
        <div class="radio">
            <input type="checkbox" id=id.clone() prop:checked=move || checked.get() on:change:target=move |event| on_change.run(event.target().checked()) />
            <label for=id>{label}</label>
        </div>
    }
}
