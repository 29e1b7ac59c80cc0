//! A fast hash for maps keyed by the library's own short identifiers (staff ids, event ids):
//! the multiply-rotate hash of rustc (FxHash), several times faster than the default SipHash
//! on short keys. Only for maps built from a bureau's own configuration (the roster), never
//! for keys taken from case input in bulk (a case's event ids keep the default hash, which
//! chosen colliding ids cannot slow down).

use std::hash::{BuildHasherDefault, Hasher};

/// The hasher's builder, for `HashMap<K, V, FastHash>`.
pub(crate) type FastHash = BuildHasherDefault<FxHasher>;

/// The FxHash function.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::FastHash;

    #[test]
    fn keys_that_share_a_prefix_are_told_apart() {
        let mut m: HashMap<String, usize, FastHash> = HashMap::default();
        for i in 0..10_000 {
            m.insert(format!("staff-{i}"), i);
        }
        assert_eq!(m.len(), 10_000);
        assert_eq!(m.get("staff-9999"), Some(&9999));
        assert_eq!(m.get("staff-10000"), None);
    }
}
