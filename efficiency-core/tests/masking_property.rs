//! Personal data found as people write it: for any ID, mobile or bank card, split into groups
//! by any separators people type (spaces, dashes, slashes, zero-width characters, a `+86` or
//! `0086` before a mobile), in full-width or ASCII digits, glued to Latin letters or not, no
//! profile's output still holds its digits in order.

use efficiency_core::mask::{find_personal_data, mask_text, MaskPolicy};
use proptest::prelude::*;

fn id_number(first17: &[u32]) -> String {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const C: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    let s: u32 = first17.iter().zip(W).map(|(d, w)| d * w).sum();
    let mut out: String = first17
        .iter()
        .map(|d| char::from_digit(*d, 10).unwrap())
        .collect();
    out.push(C[(s % 11) as usize]);
    out
}

fn luhn_complete(prefix: &[u32]) -> String {
    let ok = |ds: &[u32]| {
        ds.iter()
            .rev()
            .enumerate()
            .map(|(i, &d)| match (i % 2, d * 2) {
                (1, x) if x > 9 => x - 9,
                (1, x) => x,
                _ => d,
            })
            .sum::<u32>()
            % 10
            == 0
    };
    let mut ds = prefix.to_vec();
    for x in 0..10 {
        ds.push(x);
        if ok(&ds) {
            break;
        }
        ds.pop();
    }
    ds.iter()
        .map(|d| char::from_digit(*d, 10).unwrap())
        .collect()
}

/// A number a person is reached or identified by.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        // Mobiles: 1[3-9] and nine digits.
        (3u32..=9, proptest::collection::vec(0u32..10, 9)).prop_map(|(second, rest)| {
            let mut s = format!("1{second}");
            s.extend(rest.iter().map(|d| char::from_digit(*d, 10).unwrap()));
            s
        }),
        // IDs: a region, a real birth date, a sequence, the check character.
        (
            110_000u32..660_000,
            1930i32..2020,
            1u32..=12,
            1u32..=28,
            0u32..1000
        )
            .prop_map(|(region, y, m, d, seq)| {
                let body = format!("{region:06}{y:04}{m:02}{d:02}{seq:03}");
                let ds: Vec<u32> = body.chars().map(|c| c.to_digit(10).unwrap()).collect();
                id_number(&ds)
            }),
        // Bank cards: 16 to 19 digits passing Luhn.
        (15usize..=18, proptest::collection::vec(0u32..10, 18)).prop_map(|(len, mut ds)| {
            ds.truncate(len);
            ds[0] = 6;
            luhn_complete(&ds)
        }),
    ]
}

/// Separators people type between groups (at most two characters, as the scanner reads one
/// number), zero-width characters anywhere.
fn separator() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just(" "),
        Just("-"),
        Just("/"),
        Just(" -"),
        Just("- "),
        Just("\u{200b}"),
        Just("\u{feff}"),
        Just("\u{3000}"),
        Just("－"),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn no_profile_keeps_a_number_written_with_separators(
        digits in number(),
        cuts in proptest::collection::btree_set(1usize..11, 0..5),
        seps in proptest::collection::vec(separator(), 5),
        fullwidth in any::<bool>(),
        before in prop_oneof![Just(""), Just("电话"), Just("Tel"), Just("ID:"), Just("+86 "), Just("0086-"), Just("（")],
        after in prop_oneof![Just(""), Just("，谢谢"), Just("号"), Just("）"), Just(" ")],
    ) {
        let chars: Vec<char> = digits.chars().collect();
        let mut written = String::new();
        for (k, ch) in chars.iter().enumerate() {
            if let Some(n) = cuts.iter().position(|c| *c == k) {
                written.push_str(seps[n]);
            }
            let ch = if fullwidth && ch.is_ascii_digit() {
                char::from_u32('０' as u32 + ch.to_digit(10).unwrap()).unwrap()
            } else {
                *ch
            };
            written.push(ch);
        }
        // A +86 or 0086 belongs before a mobile only.
        let before = if digits.len() != 11 && matches!(before, "+86 " | "0086-") { "电话" } else { before };
        let text = format!("{before}{written}{after}");
        prop_assert!(!find_personal_data(&text).is_empty(), "nothing found in {text:?}");
        let policy = MaskPolicy::shipped();
        for profile in policy.profiles.keys() {
            let out = mask_text(&text, policy, profile).unwrap().text;
            // The output's digits, full-width read as ASCII, never hold the number in order.
            let seen: String = out
                .chars()
                .filter_map(|c| match c {
                    '0'..='9' => Some(c),
                    '０'..='９' => char::from_u32('0' as u32 + (c as u32 - '０' as u32)),
                    _ => None,
                })
                .collect();
            let bare = digits.trim_end_matches('X');
            prop_assert!(!seen.contains(bare), "{profile} kept {digits} in {out:?} (from {text:?})");
        }
    }
}
