//! Ground floor: names an enum's variants once ([`names!`](crate::names!)), so that
//! `as_str`, the list of names and the lookup by name cannot disagree, and the serde name is the
//! one every language sees. Depends on nothing.
//!
//! ```
//! use efficiency_core::names::Named;
//! use efficiency_core::clock::Level;
//! assert_eq!(Level::NAMES, ["normal", "reminder", "yellow", "red"]);
//! assert_eq!(Level::from_name("red"), Some(Level::Red));
//! assert_eq!(<Level as Named>::name(Level::Yellow), "yellow");
//! ```

/// An enum whose variants have stable snake_case names (implemented by [`names!`](crate::names!)).
/// [`crate::boundary::FromArg`] reads one from a host argument.
pub trait Named: Sized + Copy + 'static {
    /// Every name, in declaration order.
    const ALL: &'static [&'static str];
    /// The variant's name.
    fn name(self) -> &'static str;
    /// The variant named `name`, if any.
    fn named(name: &str) -> Option<Self>;
}

/// Names an enum's variants once: `as_str`, `NAMES` (in declaration order), `from_name` and
/// [`Named`]. The serde names of the enum must be the same (`rename_all = "snake_case"`); a unit
/// test per enum checks it.
#[macro_export]
#[doc(hidden)]
macro_rules! names {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            /// Every name, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$($name),+];
            /// The snake_case name (the serde name, the same in every language).
            pub const fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $name),+ }
            }
            /// The variant named `name`, if any.
            pub fn from_name(name: &str) -> Option<$ty> {
                match name { $($name => Some($ty::$variant),)+ _ => None }
            }
        }
        impl $crate::names::Named for $ty {
            const ALL: &'static [&'static str] = $ty::NAMES;
            fn name(self) -> &'static str {
                self.as_str()
            }
            fn named(name: &str) -> Option<$ty> {
                $ty::from_name(name)
            }
        }
    };
}
