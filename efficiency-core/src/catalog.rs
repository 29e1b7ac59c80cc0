//! The one catalog of fault codes: every code a rule of this library can find, with its default
//! severity, its names, the `docs/domain.md` section it comes from and the file that judges it.
//!
//! Codes are assigned here and nowhere else (as ruff assigns its rule codes in one registry): a
//! rule names its code through the enum ([`FindingCode::StepOverdue`]), so a code cannot be
//! misspelt or listed twice, and every other list — the shipped severities
//! (`data/rules/findings.json`, `data/rules/complaints.json`), `docs/findings.md`, the generated
//! `FindingCode` types of Python and TypeScript, the codes an assessment table may deduct for — is
//! generated from this file or checked against it by a test. The code is also the key of the
//! finding's message.
//!
//! Adding a case rule is one file in `case/findings/` and one line here.
//!
//! ```
//! use efficiency_core::catalog::{FindingCode, Severity, FINDING_CATALOG};
//! let info = FindingCode::StatutoryMissed.info();
//! assert_eq!((info.code, info.severity, info.section), ("time_limit.statutory_missed", Severity::Serious, "§4.4"));
//! assert_eq!(info.rule, "case/findings/time_limit.rs");
//! assert_eq!(FindingCode::from_name("step.overdue"), Some(FindingCode::StepOverdue));
//! assert!(FINDING_CATALOG.iter().all(|f| FindingCode::from_name(f.code).is_some()));
//! ```
//!
//! Floor 1: depends only on the ground floor (`names`).

use serde::{Deserialize, Serialize};

/// How bad a fault is (一般 / 严重 / 特别严重).
///
/// ```
/// use efficiency_core::catalog::Severity;
/// assert!(Severity::Serious > Severity::Ordinary);
/// assert_eq!(Severity::from_name("very_serious"), Some(Severity::VerySerious));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 一般.
    Ordinary,
    /// 严重.
    Serious,
    /// 特别严重.
    VerySerious,
}

crate::names!(Severity {
    Ordinary => "ordinary",
    Serious => "serious",
    VerySerious => "very_serious",
});

/// One entry of a catalog: a code and what a reader needs to know about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FindingInfo {
    /// Stable code (also the key of its message).
    pub code: &'static str,
    /// English name.
    pub name: &'static str,
    /// Chinese name.
    pub name_zh: &'static str,
    /// When it is found.
    pub description: &'static str,
    /// The default severity (a bureau's rule table may set another).
    pub severity: Severity,
    /// The section of `docs/domain.md` the rule comes from.
    pub section: &'static str,
    /// The source file that judges it (under `efficiency-core/src/`).
    pub rule: &'static str,
}

/// Declares a catalog: an enum of codes (named once with [`names!`](crate::names!)), and the
/// list of their [`FindingInfo`] in declaration order.
macro_rules! catalog {
    (
        $(#[$meta:meta])* $ty:ident, $(#[$list_meta:meta])* $list:ident {
            $($variant:ident => $code:literal, $sev:ident, $section:literal, $rule:literal,
              $name:literal, $name_zh:literal, $desc:literal;)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $ty {
            $(#[doc = $name_zh] $variant),+
        }

        crate::names!($ty { $($variant => $code),+ });

        impl $ty {
            /// The catalog entry.
            pub fn info(self) -> &'static FindingInfo {
                &$list[self as usize]
            }

            /// The default severity of `code` (ordinary for a code this catalog does not know):
            /// what a rule table's left-out code means.
            pub fn default_severity(code: &str) -> Severity {
                Self::from_name(code).map_or(Severity::Ordinary, |c| c.info().severity)
            }
        }

        $(#[$list_meta])*
        pub const $list: &[FindingInfo] = &[$(FindingInfo {
            code: $code,
            name: $name,
            name_zh: $name_zh,
            description: $desc,
            severity: Severity::$sev,
            section: $section,
            rule: $rule,
        }),+];
    };
}

catalog! {
    /// A finding of a case's rules (`case/findings/`).
    FindingCode,
    /// Every finding a case can produce, in the order a reader meets them.
    FINDING_CATALOG {
        InquiryNotHandled => "inquiry.not_handled", Ordinary, "§5", "case/findings/inquiry.rs",
            "Inquiry not handled", "首问未答复、登记或转交",
            "The first responder did not answer, record, hand over or guide the inquiry within the rule table's inquiry_response limit.";
        ReferralNotFollowedUp => "referral.not_followed_up", Ordinary, "§5", "case/findings/referral.rs",
            "Referral not followed up", "转办未跟踪落实",
            "A request handed to another post got no reply or action from the receiving handler within the item's promised limit (the rule table's referral_follow_up when no item is known).";
        ReceptionRefused => "reception.refused", Serious, "§5", "case/findings/reception.rs",
            "Reception refused", "拒绝受理/拒收",
            "Materials were refused at reception; never allowed.";
        SupplementRepeated => "supplement.repeated", Ordinary, "§5", "case/findings/supplement.rs",
            "One-time notice broken", "未一次性告知",
            "A second (or later) supplement request: everything missing must be named once.";
        SupplementLateNotice => "supplement.late_notice", Ordinary, "§5", "case/findings/supplement.rs",
            "Late supplement notice", "补正告知超期",
            "The one-time notice came later than the item's notice limit after receipt (5 workdays, 行政许可法 Art. 32; 7 for an information request, 政府信息公开条例 Art. 30); the case counts as accepted on receipt.";
        StepOverdue => "step.overdue", Ordinary, "§4.2", "case/findings/step.rs",
            "Internal step overdue", "内部环节超时",
            "An internal step took longer than its step limit.";
        PromisedMissed => "time_limit.promised_missed", Ordinary, "§4.4", "case/findings/time_limit.rs",
            "Promised limit missed (yellow card)", "超承诺时限（黄牌）",
            "Not concluded by the promised due.";
        StatutoryMissed => "time_limit.statutory_missed", Serious, "§4.4", "case/findings/time_limit.rs",
            "Statutory limit missed (red card)", "超法定时限（红牌）",
            "Not concluded by the statutory due.";
        ExtensionRequestedLate => "extension.requested_late", Serious, "§4.3", "case/findings/extension.rs",
            "Extension requested late", "延期申请超期",
            "An extension was requested after the statutory due; it moves nothing.";
        ExtensionNotApproved => "extension.not_approved", Serious, "§4.3", "case/findings/extension.rs",
            "Extension not approved in time", "延期未经批准",
            "An extension was not approved before the statutory due; it moves nothing.";
        ExtensionUnauthorizedApprover => "extension.unauthorized_approver", Serious, "§4.3", "case/findings/extension.rs",
            "Extension approved without authority", "延期审批越权",
            "An extension was approved by a role below the item's required authority; it moves nothing.";
        ExtensionOverCap => "extension.over_cap", Serious, "§4.3", "case/findings/extension.rs",
            "Extension over the cap", "延期超过上限",
            "An extension asked for more than the item allows; it moves nothing.";
        ExtensionTooMany => "extension.too_many", Serious, "§4.3", "case/findings/extension.rs",
            "Too many extensions", "延期次数超限",
            "More extensions than the item allows; the extra one moves nothing.";
        ExtensionApplicantNotNotified => "extension.applicant_not_notified", Ordinary, "§4.3", "case/findings/extension.rs",
            "Applicant not told of the extension", "延期未告知申请人",
            "The applicant was not told of the extension and its reasons before the original due; it moves nothing.";
        ProcedureOverrun => "procedure.overrun", Ordinary, "§4.3", "case/findings/procedure.rs",
            "Special procedure over its limit", "特别程序超时",
            "A special procedure (expert review, third-party consultation, …) ran beyond its own limit (the item's max_time); the time after counts toward the case's limit.";
        PublicationLate => "publication.late", Ordinary, "§13", "case/findings/publication.rs",
            "Result not published in time", "结果未按时公开",
            "The result of a concluded case was not published within the item's publication limit (the rule table's publication default).";
        UrgentMissed => "urgent.missed", Ordinary, "§4.3", "case/findings/urgent.rs",
            "Urgent case not handled in time", "急事未急办",
            "A case marked urgent (急事急办) was not concluded within the item's urgent limit (same workday by default) from the later of its marking and its acceptance.";
        DueNotTold => "due_date.not_told", Ordinary, "§4.3", "case/findings/due_told.rs",
            "Due date not told", "未告知办结时间",
            "A case accepted and not concluded on the spot was not told its due date within the item's notice limit (5 workdays by default).";
    }
}

catalog! {
    /// A fault found in a period's activity: complaints, ratings, staff whereabouts and the
    /// register of published decisions (`activity.rs`, `disclosure.rs`).
    ActivityCode,
    /// Every fault the activity's complaint, rating and disclosure rules can produce (conduct
    /// codes are the bureau's own, `conduct.*`, from its conduct list).
    ACTIVITY_CATALOG {
        ComplaintAcceptanceLate => "complaint.acceptance_late", Ordinary, "§9", "activity.rs",
            "Complaint accepted late", "投诉受理超期",
            "A complaint was not accepted within the acceptance limit.";
        ComplaintTransferLate => "complaint.transfer_late", Ordinary, "§9", "activity.rs",
            "Complaint transferred late", "投诉转办超期",
            "A complaint for another body was not transferred within the transfer limit.";
        ComplaintInvestigationLate => "complaint.investigation_late", Ordinary, "§9", "activity.rs",
            "Complaint investigated late", "投诉调查超期",
            "The investigation of a complaint took longer than its limit.";
        ComplaintReplyLate => "complaint.reply_late", Ordinary, "§9", "activity.rs",
            "Complaint answered late", "投诉答复超期",
            "The complainant was not answered within the reply limit (and its approved extension).";
        ComplaintSubstantiated => "complaint.substantiated", Serious, "§9", "activity.rs",
            "Complaint substantiated", "投诉属实",
            "A complaint against a person was found true.";
        ComplaintPartlySubstantiated => "complaint.partly_substantiated", Ordinary, "§9", "activity.rs",
            "Complaint partly substantiated", "投诉部分属实",
            "A complaint against a person was found partly true.";
        RatingFollowUpMissed => "rating.follow_up_missed", Ordinary, "§9", "disclosure.rs",
            "Bad rating not followed up", "差评未整改",
            "A bad rating was not called back and fixed within its limit.";
        RatingCallBackMissed => "rating.call_back_missed", Ordinary, "§9", "disclosure.rs",
            "Named bad rating not called back", "实名差评未回访",
            "A named bad rating was not called back within its limit.";
        WhereaboutsPostedLate => "whereabouts.posted_late", Ordinary, "§13", "disclosure.rs",
            "Whereabouts posted late", "去向公示不及时",
            "A whereabouts entry was posted after the absence began.";
        WhereaboutsNoActing => "whereabouts.no_acting", Ordinary, "§13", "disclosure.rs",
            "No acting person", "无人代理主持工作",
            "A unit head was away with no acting person named.";
        WhereaboutsAwayTooLong => "whereabouts.away_too_long", Ordinary, "§13", "disclosure.rs",
            "Away too long", "离岗超时",
            "A short absence (暂离) lasted longer than the whereabouts rules allow.";
        PublicationLate => "publication.late", Ordinary, "§13", "disclosure.rs",
            "Decision published late", "结果未按时公开",
            "A decision in the register was not online within its publication limit after the decision.";
        PublicationRevisionLate => "publication.revision_late", Ordinary, "§13", "disclosure.rs",
            "Revision published late", "变更未按时公开",
            "A revoked or changed decision was not revised online within its limit.";
        PublicationUnmasked => "publication.unmasked", Ordinary, "§13", "disclosure.rs",
            "Personal data published", "公开信息未脱敏",
            "A decision went online with no masking profile recorded.";
        PublicationDisplayOverrun => "publication.display_overrun", Ordinary, "§13", "disclosure.rs",
            "Shown past its display period", "超期公示",
            "A decision stayed online after its display period ended.";
    }
}

catalog! {
    /// A fault of the campaign: a task or a self-inspection measure (`campaign.rs`).
    CampaignCode,
    /// Every fault the campaign's rules can produce.
    CAMPAIGN_CATALOG {
        TaskLate => "campaign.task_late", Ordinary, "§10", "campaign.rs",
            "Campaign task late", "活动任务逾期",
            "A deliverable of the campaign plan was handed in after its due day.";
        TaskMissing => "campaign.task_missing", Ordinary, "§10", "campaign.rs",
            "Campaign task missing", "活动任务未完成",
            "A deliverable of the campaign plan was still missing past its due day.";
        MeasureOverdue => "self_inspection.measure_overdue", Ordinary, "§10", "campaign.rs",
            "Self-inspection measure overdue", "自查整改逾期",
            "A measure of a self-inspection form was not done by its date.";
    }
}

/// Whether `code` is a code some rule can find: a catalog code, or a conduct code
/// (`conduct.<rule>`, the bureau's own list).
///
/// ```
/// use efficiency_core::catalog::is_fault_code;
/// assert!(is_fault_code("step.overdue") && is_fault_code("conduct.absence"));
/// assert!(!is_fault_code("step.late") && !is_fault_code("conduct."));
/// ```
pub fn is_fault_code(code: &str) -> bool {
    FindingCode::from_name(code).is_some()
        || ActivityCode::from_name(code).is_some()
        || CampaignCode::from_name(code).is_some()
        || (code.starts_with("conduct.") && code.len() > "conduct.".len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_listed_once_and_in_their_enum_order() {
        for list in [FINDING_CATALOG, ACTIVITY_CATALOG, CAMPAIGN_CATALOG] {
            let mut seen = std::collections::BTreeSet::new();
            for f in list {
                assert!(seen.insert(f.code), "{} listed twice", f.code);
                assert!(
                    f.section.starts_with('§') && !f.name_zh.is_empty(),
                    "{}",
                    f.code
                );
            }
        }
        for (i, f) in FINDING_CATALOG.iter().enumerate() {
            assert_eq!(FindingCode::from_name(f.code).map(|c| c as usize), Some(i));
        }
    }

    /// Every rule file named in the catalog exists.
    #[test]
    fn every_rule_file_exists() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        for f in FINDING_CATALOG
            .iter()
            .chain(ACTIVITY_CATALOG)
            .chain(CAMPAIGN_CATALOG)
        {
            assert!(src.join(f.rule).is_file(), "{}: {} missing", f.code, f.rule);
        }
    }

    /// The shipped rule tables list the catalog's default severities, code for code.
    #[test]
    fn shipped_severities_are_the_catalog_defaults() {
        for (file, list) in [
            ("findings.json", FINDING_CATALOG),
            ("complaints.json", ACTIVITY_CATALOG),
        ] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("data/rules")
                .join(file);
            let doc: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            let shipped: std::collections::BTreeMap<String, Severity> =
                serde_json::from_value(doc["severities"].clone()).unwrap();
            let catalog: std::collections::BTreeMap<String, Severity> = list
                .iter()
                .map(|f| (f.code.to_string(), f.severity))
                .collect();
            assert_eq!(shipped, catalog, "{file}");
        }
    }
}
