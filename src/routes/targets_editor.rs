//! The weighted targets editor: one row per target (virtual node, weight, optional port), each
//! showing its share of the traffic as the weights are typed, and the total.

use super::fields::{FieldError, Problems, Text, bound, part, problem_of, shown_problem};
use super::spec_form::RouteForm;
use super::targets::{TargetDraft, percent_text, shares};
use crate::components::field::TextField;
use crate::components::select_field::{SelectField, name_options};
use leptos::prelude::*;

#[component]
fn NodeSelect(
    form: RwSignal<RouteForm>,
    index: usize,
    nodes: Signal<Option<Vec<String>>>,
    problems: Problems,
    show_errors: Signal<bool>,
) -> impl IntoView {
    let number = index + 1;
    let id = format!("target-node-{number}");
    let error = problem_of(problems, id.clone());
    let choose = Callback::new(move |node: String| {
        form.update(|form| {
            if let Some(target) = form.targets.get_mut(index) {
                target.node = node
            }
        })
    });
    move || {
        let current = form.with_untracked(|form| form.targets.get(index).map(|target| target.node.clone()).unwrap_or_default());
        view! {
            <SelectField id=id.clone() label=format!("Virtual node of target {number}") options=name_options(nodes.get(), &current, "virtual node")
                selected=current on_change=choose error=error show_error=show_errors />
        }
    }
}

/// Each target's share, as shown beside its weight.
fn share_texts(form: &RouteForm) -> Vec<String> {
    shares(&form.weights()).into_iter().map(|share| share.map_or_else(|| "–".to_string(), percent_text)).collect()
}

#[component]
pub fn TargetsEditor(
    form: RwSignal<RouteForm>,
    /// The mesh's virtual nodes, once loaded.
    nodes: Signal<Option<Vec<String>>>,
    problems: Problems,
    show_errors: Signal<bool>,
) -> impl IntoView {
    // Rows are rebuilt only when one is added or removed, so typing keeps the focus.
    let count = part(form, |form| form.targets.len());
    let share_texts = part(form, share_texts);
    let total = part(form, |form| form.weights().into_iter().flatten().sum::<u32>());
    let set_problem = shown_problem(problems, "add-target", show_errors);
    view! {
        <div class="field field-wide">
            <fieldset aria-describedby="targets-hint">
                <legend>"Targets"</legend>
                <p class="hint" id="targets-hint">"The virtual nodes this route sends traffic to: 1 to 10, each with a weight from 0 to 100. A target's share is its weight over the sum of the weights."</p>
                {move || (0..count.get()).map(|index| {
                    let number = index + 1;
                    let weight = bound(form, Text::TargetWeight(index));
                    let port = bound(form, Text::TargetPort(index));
                    view! {
                        <div class="target-row">
                            <NodeSelect form=form index=index nodes=nodes problems=problems show_errors=show_errors />
                            <TextField id=format!("target-weight-{number}") label=format!("Weight of target {number}") value=weight
                                error=problem_of(problems, format!("target-weight-{number}")) show_error=show_errors />
                            <div class="field share">
                                <span class="share-label" aria-hidden="true">"Share"</span>
                                <output for=format!("target-weight-{number}") aria-label=format!("Share of target {number}")>
                                    {move || share_texts.get().get(index).cloned().unwrap_or_default()}
                                </output>
                            </div>
                            <TextField id=format!("target-port-{number}") label=format!("Port of target {number}") value=port
                                error=problem_of(problems, format!("target-port-{number}")) show_error=show_errors />
                            <button type="button" class="button" aria-label=format!("Remove target {number}")
                                on:click=move |_| form.update(|form| { form.targets.remove(index); })>"Remove"</button>
                        </div>
                    }
                }).collect_view()}
                <p class="targets-total">{move || format!("Total weight: {}", total.get())}</p>
                <button type="button" id="add-target" class="button"
                    aria-describedby=move || if set_problem.get().is_some() { "targets-error" } else { "" }
                    on:click=move |_| form.update(|form| form.targets.push(TargetDraft::default()))>"Add target"</button>
                <FieldError id="targets-error".to_string() message=set_problem />
            </fieldset>
        </div>
    }
}
