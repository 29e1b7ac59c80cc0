//! **Reception refused** (`reception.refused`, docs/domain.md §5): materials handed in are never
//! refused at the window — an application is received, then accepted, rejected with reasons or
//! sent back for one supplement. A refusal is a serious fault of the person who refused.

use super::{Arg, Args, Facts, Findings};
use crate::case::event::Kind;
use crate::case::CaseError;
use crate::catalog::FindingCode;

/// One finding per `refuse_reception` event, on its actor.
pub(crate) fn judge(f: &Facts<'_>, out: &mut Findings<'_>) -> Result<(), CaseError> {
    for e in f.of_kind(Kind::RefuseReception) {
        let (events, people) = (out.ids([e.id.as_str()]), out.ids([e.actor.as_str()]));
        out.add(
            FindingCode::ReceptionRefused,
            e.at,
            || Args::new().with("by", Arg::Text(f.name_of(&e.actor))),
            events,
            people,
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::case::tests::{codes, status};

    #[test]
    fn a_refusal_is_a_finding_on_who_refused() {
        let s = status(
            &[r#""actor":"soc01","event":"refuse_reception","reason":"busy""#],
            "2026-10-01T00:00:00",
        );
        assert_eq!(codes(&s), ["reception.refused"]);
        assert_eq!(s.findings[0].people, ["soc01"]);
    }
}
