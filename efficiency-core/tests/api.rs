//! `tests/api/manifest.json` in Rust: every operation the manifest names has its Rust item, and
//! the Rust list here (checked by the compiler) and the manifest list the same operations. The
//! Python and JS tests check their names against the same manifest.

#![allow(clippy::no_effect, path_statements)]

use efficiency_core::*;

/// `"id" => path` pairs: each path is referenced, so a renamed or removed item fails to build.
macro_rules! api {
    ($($id:literal => { $($tt:tt)+ }),* $(,)?) => {{
        let mut v: Vec<(&str, String)> = Vec::new();
        $( api!(@one v $id $($tt)+); )*
        v
    }};
    (@one $v:ident $id:literal type $($path:ident)::+) => {
        let _: Option<$($path)::+> = None;
        $v.push(($id, format!("type {}", stringify!($($path)::+).replace(' ', ""))));
    };
    (@one $v:ident $id:literal $($path:ident)::+ $(::<$g:ty>::$m:ident)? $(.$field:ident)?) => {
        api!(@use $($path)::+ $(::<$g>::$m)? $(.$field)?);
        $v.push(($id, api!(@name $($path)::+ $(::<$g>::$m)? $(.$field)?)));
    };
    (@use $($path:ident)::+ ::<$g:ty>::$m:ident) => { let _ = &$($path)::+::<$g>::$m; };
    (@use $($path:ident)::+ . $field:ident) => { let _ = |x: &$($path)::+| { let _ = &x.$field; }; };
    (@use $($path:ident)::+) => { let _ = &$($path)::+; };
    (@name $($path:ident)::+ ::<$g:ty>::$m:ident) => { format!("{}::<{}>::{}", stringify!($($path)::+), stringify!($g), stringify!($m)).replace(' ', "") };
    (@name $($path:ident)::+ . $field:ident) => { format!("{}.{}", stringify!($($path)::+), stringify!($field)).replace(' ', "") };
    (@name $($path:ident)::+) => { stringify!($($path)::+).replace(' ', "") };
}

type ArcCtx = std::sync::Arc<case::CaseContext>;

#[test]
fn the_manifest_lists_exactly_the_rust_operations() {
    let rust = api! {
        "accountability_rules" => { accountability::AccountabilityRules::default },
        "accountability_rules.from_json" => { accountability::AccountabilityRules::from_json },
        "accountability_rules.sanction_span" => { accountability::AccountabilityRules::sanction_span_of },
        "activity" => { type activity::Activity },
        "activity.faults" => { activity::Activity::faults },
        "activity.publication_register" => { activity::Activity::publication_register },
        "activity.ratings_summary" => { activity::Activity::ratings_summary },
        "activity.whereabouts_board" => { activity::Activity::whereabouts_board },
        "activity.from_json" => { activity::Activity::from_json },
        "activity.sample" => { activity::Activity::sample },
        "activity_rules" => { activity::ActivityRules::from_parts },
        "activity_rules.conduct" => { activity::ActivityRules.conduct },
        "assessment_rules" => { assessment::AssessmentRules::default },
        "assessment_rules.from_json" => { assessment::AssessmentRules::from_json },
        "assessment_rules.from_toml" => { assessment::AssessmentRules::from_toml },
        "assessment_rules.version" => { assessment::AssessmentRules.version },
        "calendar_error_codes" => { calendar::CalendarError::CODES },
        "case_error_codes" => { case::CaseError::CODES },
        "clock_error_codes" => { clock::ClockError::CODES },
        "calendar" => { type calendar::Calendar },
        "calendar.add_workdays" => { calendar::Calendar::add_workdays },
        "calendar.add_workdays_many" => { calendar::add_workdays_batch },
        "calendar.china" => { calendar::Calendar::china },
        "calendar.covered_years" => { calendar::Calendar::covered_years },
        "calendar.day_info" => { calendar::Calendar::day_info },
        "calendar.day_kind" => { calendar::Calendar::day_kind },
        "calendar.explain_add_workdays" => { calendar::Calendar::explain_add_workdays },
        "calendar.from_json" => { calendar::Calendar::from_json },
        "calendar.holiday_name" => { calendar::Calendar::holiday_name },
        "calendar.is_provisional" => { calendar::Calendar::is_provisional },
        "calendar.is_workday" => { calendar::Calendar::is_workday },
        "calendar.next_workday" => { calendar::Calendar::next_workday },
        "calendar.previous_workday" => { calendar::Calendar::previous_workday },
        "calendar.provisional" => { calendar::Calendar::provisional },
        "calendar.regions" => { calendar::Calendar::regions },
        "calendar.to_json" => { calendar::Calendar::to_json },
        "calendar.with_overlay" => { calendar::Calendar::with_overlay },
        "calendar.with_provisional" => { calendar::Calendar::with_provisional },
        "calendar.with_year" => { calendar::Calendar::with_year },
        "calendar.workdays_between" => { calendar::Calendar::workdays_between },
        "calendar.workdays_between_many" => { calendar::workdays_between_batch },
        "calendar.zone" => { calendar::Calendar::zone },
        "campaign" => { campaign::CampaignTemplate::instantiate },
        "campaign.phase_on" => { campaign::Campaign::phase_on },
        "campaign.phases" => { campaign::Campaign.phases },
        "campaign.status" => { campaign::Campaign::status },
        "campaign.tasks" => { campaign::Campaign.tasks },
        "case" => { case::Case::new },
        "case.len" => { case::Case::events },
        "case.append" => { case::Case::append_value },
        "case.faults" => { accountability::Fault::from_status },
        "case.findings" => { case::Case::status },
        "case.from_jsonl" => { case::Case::from_jsonl },
        "case.id" => { case::Case::id },
        "case.stage" => { case::Case::stage },
        "case.status" => { case::Case::status },
        "case.to_jsonl" => { case::Case::to_jsonl },
        "case_context" => { case::CaseContext::new },
        "case_context.sample" => { case::CaseContext::sample },
        "case_context.staff_ids" => { case::Roster.staff },
        "case_context.with_lang" => { case::CaseContext::with_lang },
        "case_context.with_messages" => { case::CaseContext::with_messages },
        "case_replay" => { case::Replay::<ArcCtx>::new },
        "case_replay.cases" => { case::Replay::<ArcCtx>::cases },
        "case_replay.finish" => { case::Replay::<ArcCtx>::finish },
        "case_replay.metrics" => { case::Replay::<ArcCtx>::metrics },
        "case_replay.push_lines" => { case::Replay::<ArcCtx>::push_lines },
        "case_replay.take_errors" => { case::Replay::<ArcCtx>::take_errors },
        "case_replay.take_statuses" => { case::Replay::<ArcCtx>::take_statuses },
        "clock" => { clock::ClockOptions::clock },
        "clock.approve_extension" => { clock::Clock::approve_extension },
        "clock.conclude" => { clock::Clock::conclude },
        "clock.events" => { clock::Clock::events },
        "clock.explain" => { clock::Clock::explain },
        "clock.notify_applicant" => { clock::Clock::notify_applicant },
        "clock.request_extension" => { clock::Clock::request_extension },
        "clock.resume" => { clock::Clock::resume },
        "clock.status" => { clock::Clock::status },
        "clock.supplement_notice" => { clock::Clock::with_supplement_notice },
        "clock.suspend" => { clock::Clock::suspend },
        "error_codes" => { error::CODES },
        "event_kinds" => { case::EVENT_KINDS },
        "event_columns" => { case::EVENT_COLUMNS },
        "finding_catalog" => { case::FINDING_CATALOG },
        "finding_codes" => { clock::FINDING_CODES },
        "item_catalog" => { type item::ItemCatalog },
        "item_catalog.getitem" => { item::ItemCatalog::get },
        "item_catalog.len" => { item::ItemCatalog.items },
        "item_catalog.codes" => { item::ItemCatalog.items },
        "item_catalog.from_json" => { item::ItemCatalog::from_json },
        "item_catalog.from_toml" => { item::ItemCatalog::from_toml },
        "item_catalog.templates" => { item::ItemCatalog::templates },
        "organisation" => { type org::Organisation },
        "organisation.chain" => { org::Organisation::chain },
        "organisation.from_json" => { org::Organisation::from_json },
        "organisation.roster_json" => { org::Organisation::roster_json },
        "organisation.sample" => { org::Organisation::sample },
        "organisation.to_json" => { org::Organisation::to_json },
        "organisation.unit_chain" => { org::Organisation::unit_chain },
        "service_item" => { type item::ServiceItem },
        "service_item.clock" => { item::ServiceItem::clock },
        "service_item.code" => { item::ServiceItem.code },
        "service_item.legal_basis" => { item::ServiceItem.legal_basis },
        "service_item.name" => { item::ServiceItem.name },
        "service_item.name_zh" => { item::ServiceItem.name_zh },
        "service_item.promised" => { item::ServiceItem.promised },
        "service_item.statutory" => { item::ServiceItem.statutory },
        "service_item.to_json" => { item::ServiceItem::to_json },
        "service_item.urgent" => { item::ServiceItem.urgent },
        "time_limit" => { clock::TimeLimit::from_value },
        "time_limit.str" => { clock::TimeLimit::to_string },
        "time_limit.amount" => { clock::TimeLimit.amount },
        "time_limit.months" => { clock::TimeLimit::months },
        "time_limit.natural_days" => { clock::TimeLimit::natural_days },
        "time_limit.on_the_spot" => { clock::TimeLimit::on_the_spot },
        "time_limit.none" => { clock::TimeLimit::none },
        "time_limit.unit" => { clock::TimeLimit.unit },
        "time_limit.work_hours" => { clock::TimeLimit::work_hours },
        "time_limit.workdays" => { clock::TimeLimit::workdays },
        "version" => { VERSION },
        "accountability_list" => { accountability::accountability_list_of },
        "annual_review_sample" => { review::annual_review },
        "commendation_list" => { assessment::commendation_list },
        "evaluate_clocks" => { clock::evaluate_many },
        "heads_responsible" => { assessment::heads_responsible },
        "case_tables" => { case::Replay::<ArcCtx>::run_rows },
        "bureau" => { type bureau::Bureau },
        "bureau.from_files" => { bureau::Bureau::from_files },
        "bureau.sample" => { bureau::Bureau::sample },
        "bureau.review" => { bureau::Bureau::review },
        "bureau.review_tables" => { bureau::Bureau::review_tables },
        "bureau.case_events" => { bureau::Bureau.case_lines },
        "bureau_files" => { bureau::BUREAU_FILES },
        "sample_bureau_files" => { bureau::SAMPLE_BUREAU_FILES },
        "merge_metrics" => { case::metrics::merge_rows },
        "mask_policy" => { mask::MaskPolicy::default },
        "mask_policy.from_json" => { mask::MaskPolicy::from_json },
        "mask_policy.profiles" => { mask::MaskPolicy.profiles },
        "mask_policy.mask_text" => { mask::mask_text },
        "mask_policy.mask_record" => { mask::mask_record },
        "error_text" => { boundary::error_text_of },
        "find_personal_data" => { mask::find_personal_data },
        "supervision_board" => { supervision::board_of_lines },
        "bureau.review_report" => { bureau::Bureau::review_report },
        "bureau.review_workbook" => { bureau::Bureau::review_workbook },
        "bureau.explain_card" => { bureau::Bureau::explain_card },
        "bureau.supervision_board" => { bureau::Bureau::supervision_board },
        "guide_catalogue" => { type guide::GuideCatalogue },
        "guide_catalogue.from_json" => { guide::GuideCatalogue::from_json },
        "guide_catalogue.sample" => { guide::GuideCatalogue::sample },
        "guide_catalogue.version" => { guide::GuideCatalogue.version },
        "guide_catalogue.document" => { guide::GuideCatalogue.document },
        "guide_catalogue.effective_from" => { guide::GuideCatalogue.effective_from },
        "guide_catalogue.guides" => { guide::GuideCatalogue.guides },
        "guide_catalogue.items" => { guide::GuideCatalogue::items },
        "guide_catalogue.render" => { guide::GuideCatalogue::render },
        "guide_catalogue.diff" => { guide::diff },
        "guide_catalogue.streamlining" => { guide::streamlining },
        "replay_cases" => { case::Replay::<ArcCtx>::run },
        "score_units" => { assessment::score_units_of },
        "scorecard_diff" => { assessment::diff },
        "self_inspection_faults" => { campaign::SelfInspectionForm::faults },
    };
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/api/manifest.json");
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut failures = Vec::new();
    let mut listed = std::collections::BTreeMap::new();
    for op in doc["operations"].as_array().unwrap() {
        let id = op["id"].as_str().unwrap();
        let r = op["rust"].as_str().unwrap();
        if let Some(name) = r.strip_prefix("DATA[").and_then(|r| r.strip_suffix(']')) {
            if !DATA.iter().any(|(n, _)| *n == name) {
                failures.push(format!("{id}: DATA has no {name:?}"));
            }
            continue;
        }
        listed.insert(id.to_string(), r.to_string());
    }
    for (id, path) in &rust {
        match listed.remove(*id) {
            Some(p) if p.replace("::<ArcCtx>", "") == path.replace("::<ArcCtx>", "") => {}
            Some(p) => failures.push(format!("{id}: the manifest says {p}, the code {path}")),
            None => failures.push(format!("{id}: in the code list, not in the manifest")),
        }
    }
    for id in listed.keys() {
        failures.push(format!("{id}: in the manifest, not in the code list"));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
