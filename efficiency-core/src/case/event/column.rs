//! The index in [`EVENT_COLUMNS`] of each optional field.

pub(super) const CHANNEL: usize = 5;
pub(super) const ITEM: usize = 6;
pub(super) const WINDOW: usize = 7;
pub(super) const MISSING: usize = 8;
pub(super) const HANDLER: usize = 9;
pub(super) const REASONS: usize = 10;
pub(super) const REASON: usize = 11;
pub(super) const TO: usize = 12;
pub(super) const AGENCY: usize = 13;
pub(super) const STEP: usize = 14;
pub(super) const PROCEDURE: usize = 15;
pub(super) const AMOUNT: usize = 16;
pub(super) const OUTCOME: usize = 17;
pub(super) const ON_THE_SPOT: usize = 18;

#[test]
fn columns_are_named() {
    let named = [
        (CHANNEL, "channel"),
        (ITEM, "item"),
        (WINDOW, "window"),
        (MISSING, "missing"),
        (HANDLER, "handler"),
        (REASONS, "reasons"),
        (REASON, "reason"),
        (TO, "to"),
        (AGENCY, "agency"),
        (STEP, "step"),
        (PROCEDURE, "procedure"),
        (AMOUNT, "amount"),
        (OUTCOME, "outcome"),
        (ON_THE_SPOT, "on_the_spot"),
    ];
    for (i, name) in named {
        assert_eq!(super::EVENT_COLUMNS[i], name);
    }
}
